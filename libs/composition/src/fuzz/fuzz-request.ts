/** One request the fuzz sends: valid-shaped everywhere but in exactly one place, named by `fault`. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /**
   * The single malformation, `<target>/<kind>`: `path.id/bad-uuid`, `query.cursor/bad-uuid-inside`,
   * `body.name/huge-string`, `body/array`, `query/unknown-param`…
   */
  fault: string;
}

/** What the arbitraries draw valid-shaped ids from: ids of rows that exist (and of none). */
export interface FuzzContext {
  ids: readonly string[];
}
