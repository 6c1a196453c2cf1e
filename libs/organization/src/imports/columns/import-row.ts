/** A data row by column key (`code`, `name`…): trimmed text, '' for a blank or absent cell. */
export interface ImportRow {
  row: number;
  values: Record<string, string>;
}

/** A file mapped onto a kind's columns: the rows, and how each column was headed in the file. */
export interface ImportTable {
  headerRow: number;
  /** Column key → the heading the file used (for error messages). */
  headings: Record<string, string>;
  rows: ImportRow[];
}
