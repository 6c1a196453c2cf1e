/** One problem in an import file, as a spreadsheet user finds it. */
export interface ImportRowError {
  /** 1-based row as the spreadsheet counts it: the header is row 1, the first data row is row 2. */
  row: number;
  /** The column as headed in the file (`手机号` or `phone`). */
  column: string;
  /** The column's canonical key (`phone`); empty for problems of a whole row. */
  field: string;
  /** What is wrong, in Chinese. */
  message: string;
}
