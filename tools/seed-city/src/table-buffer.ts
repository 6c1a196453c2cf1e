/** Where the generator sends SQL: a pg client or a TypeORM query runner, wrapped. */
export interface SqlExecutor {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

export type CellValue = string | number | boolean | null;

export interface ColumnSpec {
  name: string;
  /** PostgreSQL element type of the parameter array: `uuid`, `text`, `integer`, `date`… */
  type: string;
}

/**
 * Rows of one table gathered column by column, written with one
 * `INSERT … SELECT * FROM unnest($1::uuid[], $2::text[], …)` per batch: one round trip and one
 * statement for thousands of rows, without a COPY client.
 */
export class TableBuffer {
  private columnsData: CellValue[][];
  private rows = 0;
  private readonly sql: string;

  constructor(
    readonly table: string,
    readonly columns: readonly ColumnSpec[],
    options: { overridingSystemValue?: boolean } = {},
  ) {
    this.columnsData = columns.map(() => []);
    const names = columns.map((c) => c.name).join(', ');
    const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    this.sql = `INSERT INTO ${table} (${names})${options.overridingSystemValue ? ' OVERRIDING SYSTEM VALUE' : ''} SELECT * FROM unnest(${arrays})`;
  }

  get size(): number {
    return this.rows;
  }

  push(...values: CellValue[]): void {
    if (values.length !== this.columns.length)
      throw new Error(`${this.table}: expected ${this.columns.length} values, got ${values.length}`);
    for (let i = 0; i < values.length; i++) this.columnsData[i].push(values[i]);
    this.rows += 1;
  }

  /** The pending rows as one statement (and empties the buffer), or null when there are none. */
  drain(): { sql: string; params: CellValue[][]; rows: number } | null {
    if (this.rows === 0) return null;
    const batch = { sql: this.sql, params: this.columnsData, rows: this.rows };
    this.columnsData = this.columns.map(() => []);
    this.rows = 0;
    return batch;
  }
}
