/**
 * RESULTS.md holds one top-level section (`# …`) per benchmark. Replaces the section whose heading
 * starts with `title` (up to the next top-level heading), or appends it, keeping every other section.
 */
export function replaceSection(existing: string, title: string, section: string): string {
  const start = existing.indexOf(title);
  if (start < 0) return `${existing.trimEnd()}\n\n${section.trimEnd()}\n`;
  const next = existing.indexOf('\n# ', start + title.length);
  const before = existing.slice(0, start).trimEnd();
  const after = next < 0 ? '' : `\n\n${existing.slice(next + 1).trimEnd()}`;
  return `${before ? `${before}\n\n` : ''}${section.trimEnd()}${after}\n`;
}
