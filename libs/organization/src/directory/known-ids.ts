const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The distinct well-formed ids of `ids`: a malformed id names nothing (absent from the answer), it is not a database error. */
export function knownIds(ids: string[]): string[] {
  return [...new Set(ids)].filter((id) => UUID.test(id));
}
