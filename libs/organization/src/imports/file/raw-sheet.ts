/** One non-blank line of a file: its spreadsheet row number and its cells as text (trimmed). */
export interface RawRow {
  row: number;
  cells: string[];
}

/** A file as read, before its columns mean anything: the header row, then the data rows. */
export interface RawSheet {
  format: 'csv' | 'xlsx';
  header: RawRow | null;
  rows: RawRow[];
}
