/** `value` with LIKE's wildcards (`%`, `_`) and the escape character escaped, for `LIKE … ESCAPE '\'` (the default). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
