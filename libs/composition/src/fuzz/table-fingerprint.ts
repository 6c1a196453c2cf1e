import { Client } from 'pg';

/** Per table: row count and a hash of every row's text, so an insert, update or delete shows. */
export type TableFingerprint = Map<string, string>;

/** The tables of the public schema. */
export async function tablesOf(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

/**
 * One statement that fingerprints every table of `tables`. A table of `appendOnly` (table → its
 * ever-growing sequence column) is fingerprinted as `count:max(seq)` instead, so that the rows a
 * request appended can be read back (`rowsAppended`).
 */
export function fingerprintQuery(tables: readonly string[], appendOnly: Record<string, string> = {}): string {
  const columns = tables.map((table) =>
    appendOnly[table]
      ? `(SELECT count(*) || ':' || coalesce(max("${appendOnly[table]}"), 0) FROM "${table}") AS "${table}"`
      : `(SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) FROM "${table}" t) AS "${table}"`,
  );
  return `SELECT ${columns.join(', ')}`;
}

export async function fingerprint(client: Client, query: string): Promise<TableFingerprint> {
  // Prepared (named): planning the statement's subqueries costs more than running them.
  const { rows } = await client.query<Record<string, string>>({ name: 'fuzz-table-fingerprint', text: query });
  return new Map(Object.entries(rows[0]));
}

/** Tables whose fingerprint differs, with before → after. */
export function changedTables(before: TableFingerprint, after: TableFingerprint): string[] {
  return [...after.keys()].filter((table) => before.get(table) !== after.get(table));
}

export function describeChange(table: string, before: TableFingerprint, after: TableFingerprint): string {
  return `${table} ${before.get(table)} → ${after.get(table)}`;
}

/**
 * For an append-only table whose fingerprint went from `count:seq` to `count':seq'`: the rows appended
 * in between, or null when rows were also removed or changed (the count grew by less than the sequence).
 */
export async function rowsAppended(
  client: Client,
  table: string,
  seqColumn: string,
  before: string,
  after: string,
): Promise<Record<string, unknown>[] | null> {
  const [countBefore, seqBefore] = before.split(':').map(Number);
  const [countAfter] = after.split(':').map(Number);
  const { rows } = await client.query<Record<string, unknown>>(
    `SELECT * FROM "${table}" WHERE "${seqColumn}" > $1 ORDER BY "${seqColumn}"`,
    [seqBefore],
  );
  return countAfter - countBefore === rows.length ? rows : null;
}
