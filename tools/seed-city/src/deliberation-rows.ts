import { SqlExecutor } from './table-buffer';

type JsonValue = string | number | boolean | null | string[] | Record<string, unknown>;

/**
 * Rows of one deliberation table gathered as objects and written with one
 * `INSERT … SELECT … FROM jsonb_to_recordset($1)` per batch (one statement and one round trip, like
 * `TableBuffer`, but array and jsonb columns such as `options text[]` or `decision jsonb` pass as JSON).
 */
export class DeliberationRows {
  private rows: Record<string, JsonValue>[] = [];
  private readonly sql: string;

  constructor(
    readonly table: string,
    /** `name type` pairs, e.g. `['id uuid', 'options text[]']`. */
    columns: readonly string[],
  ) {
    const names = columns.map((column) => column.split(' ')[0]);
    this.sql = `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${columns.join(', ')})`;
  }

  get size(): number {
    return this.rows.length;
  }

  push(row: Record<string, JsonValue>): void {
    this.rows.push(row);
  }

  async flush(sql: SqlExecutor): Promise<number> {
    if (this.rows.length === 0) return 0;
    const rows = this.rows;
    this.rows = [];
    await sql.query(this.sql, [JSON.stringify(rows)]);
    return rows.length;
  }
}
