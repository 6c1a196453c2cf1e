/** The deepest path containing every given path (`1.2.3`, `1.2.5` → `1.2`); null when they share no root or none is given. */
export function commonAncestorPath(paths: Iterable<string>): string | null {
  let common: string[] | null = null;
  for (const path of paths) {
    const labels = path.split('.');
    if (common === null) {
      common = labels;
      continue;
    }
    let length = 0;
    while (length < common.length && length < labels.length && common[length] === labels[length]) length += 1;
    common = common.slice(0, length);
    if (common.length === 0) return null;
  }
  return common && common.length > 0 ? common.join('.') : null;
}
