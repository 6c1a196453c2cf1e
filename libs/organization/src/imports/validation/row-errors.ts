import { ImportRowError } from './import-row-error';

/** Collects every row error of a file (all of them: the answer lists them sorted by row). */
export class RowErrors {
  private readonly errors: ImportRowError[] = [];

  add(error: ImportRowError): void {
    this.errors.push(error);
  }

  get count(): number {
    return this.errors.length;
  }

  /** By row, then in the order found (which follows the columns). */
  sorted(): ImportRowError[] {
    return this.errors
      .map((error, index) => ({ error, index }))
      .sort((a, b) => a.error.row - b.error.row || a.index - b.index)
      .map(({ error }) => error);
  }
}
