import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('spec') ? [path] : [];
  });
}

describe('OpenAPI schema names', () => {
  // The OpenAPI document names each schema by its DTO class: two classes of one name in different
  // modules collapse into one schema, and one route documents the other's fields.
  it('gives every exported DTO class a name of its own across all libs', () => {
    const byName = new Map<string, string[]>();
    for (const lib of readdirSync(join(root, 'libs'))) {
      for (const file of sources(join(root, 'libs', lib, 'src'))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/export class (\w+Dto)\b/g)) {
          byName.set(match[1], [...(byName.get(match[1]) ?? []), relative(root, file)]);
        }
      }
    }
    expect(byName.size).toBeGreaterThan(100);
    const twice = [...byName.entries()].filter(([, files]) => files.length > 1);
    expect(twice).toEqual([]);
  });
});
