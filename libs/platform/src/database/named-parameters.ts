/**
 * A statement with TypeORM-style `:name` parameters as `pg` takes it: `$1, $2…` and their values
 * in order (a name used twice is one parameter). `::type` casts are left alone.
 */
export function toPositional(sql: string, named: Record<string, unknown>): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const index = new Map<string, number>();
  const text = sql.replace(/(?<![:\w]):([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    if (!(name in named)) throw new Error(`no value for the SQL parameter :${name}`);
    let n = index.get(name);
    if (n === undefined) {
      params.push(named[name]);
      n = params.length;
      index.set(name, n);
    }
    return `$${n}`;
  });
  return { sql: text, params };
}
