/**
 * Splits openapi-typescript's one file (formatted) into files by api area: `paths/<area>.ts`,
 * `operations/<area>.ts` and `schemas/<area>.ts` (an area is the path's first segment after
 * `/api/v1`; a schema goes with the first operation, or else the first schema, that uses it), each
 * at most `MAX_LINES` long (an area too large continues in `<area>-2.ts`, …), and `schema.ts` joining
 * them back into the `paths`, `components` and `operations` types openapi-fetch reads.
 */

/** Lines of members per file; a file stays under 350 with its header and imports. */
export const MAX_LINES = 300;

interface Member {
  key: string;
  lines: string[];
}

interface Part {
  file: string;
  typeName: string;
  lines: string[];
}

const KEY = /^\s*'?([^':?]+)'?\??:/;

/** The members of an interface body whose members sit at `indent` spaces (comments go with the member they precede). */
function membersOf(body: string[], indent: number): Member[] {
  const members: Member[] = [];
  let current: string[] = [];
  const atIndent = (line: string) => line.length - line.trimStart().length === indent;
  for (const line of body) {
    current.push(line);
    if (atIndent(line) && line.endsWith(';')) {
      const keyLine = current.find(
        (l) => atIndent(l) && !l.trimStart().startsWith('/*') && !l.trimStart().startsWith('*'),
      );
      const key = KEY.exec(keyLine ?? '')?.[1];
      if (!key) throw new Error(`split-schema: no member name in ${current[0]}`);
      members.push({ key, lines: current.map((l) => l.slice(indent - 2)) });
      current = [];
    }
  }
  if (current.some((line) => line.trim() !== '')) throw new Error('split-schema: an unterminated member');
  return members;
}

/** The body lines of the top-level block opening at `opening` (its lines between the braces). */
function blockAfter(lines: string[], opening: string): { start: number; end: number } {
  const start = lines.indexOf(opening);
  if (start === -1) throw new Error(`split-schema: no "${opening}"`);
  const end = lines.indexOf('}', start);
  return { start, end };
}

const pascal = (area: string) =>
  area
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');

function areaOfPath(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return (segments[0] === 'api' && segments[1] === 'v1' ? segments[2] : segments[0]) ?? 'root';
}

const references = (lines: string[], pattern: RegExp) =>
  [...lines.join('\n').matchAll(pattern)].map((match) => match[1]);
const OPERATION_REF = /operations\['([^']+)'\]/g;
const SCHEMA_REF = /components\['schemas'\]\['([^']+)'\]/g;

/** Groups members by area in first-seen order, then cuts each area into files of at most `MAX_LINES`. */
function partsOf(kind: 'paths' | 'operations' | 'schemas', members: Member[], areaOf: (m: Member) => string): Part[] {
  const byArea = new Map<string, Member[]>();
  for (const member of members) byArea.set(areaOf(member), [...(byArea.get(areaOf(member)) ?? []), member]);
  const parts: Part[] = [];
  const suffix = pascal(kind);
  for (const [area, inArea] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
    let chunk: string[] = [];
    let n = 0;
    const flush = () => {
      n += 1;
      const name = n === 1 ? area : `${area}-${n}`;
      parts.push({ file: `${kind}/${name}.ts`, typeName: `${pascal(name)}${suffix}`, lines: chunk });
      chunk = [];
    };
    for (const member of inArea) {
      if (chunk.length > 0 && chunk.length + member.lines.length > MAX_LINES) flush();
      chunk.push(...member.lines);
    }
    if (chunk.length > 0) flush();
  }
  return parts;
}

function partFile(header: string, part: Part): string {
  const imports = [
    ...(references(part.lines, SCHEMA_REF).length ? ['components'] : []),
    ...(references(part.lines, OPERATION_REF).length ? ['operations'] : []),
  ];
  return [
    header.trimEnd(),
    '',
    ...(imports.length ? [`import type { ${imports.join(', ')} } from '../schema';`, ''] : []),
    `export interface ${part.typeName} {`,
    ...part.lines,
    '}',
    '',
  ].join('\n');
}

function importsOf(parts: Part[]): string[] {
  return parts.map((part) => `import type { ${part.typeName} } from './${part.file.replace(/\.ts$/, '')}';`);
}

const intersection = (parts: Part[]) => parts.map((part) => part.typeName).join(' & ') || 'Record<string, never>';

/** `source` (openapi-typescript's output, formatted, starting with `header`) as files under the generated folder. */
export function splitSchema(source: string, header: string): Record<string, string> {
  const lines = source.slice(header.length).split('\n');
  const paths = blockAfter(lines, 'export interface paths {');
  const components = blockAfter(lines, 'export interface components {');
  const operations = blockAfter(lines, 'export interface operations {');
  const componentMembers = membersOf(lines.slice(components.start + 1, components.end), 2);
  const schemasMember = componentMembers.find((member) => member.key === 'schemas');
  const schemaMembers = schemasMember ? membersOf(schemasMember.lines.slice(1, -1), 4) : [];

  const pathMembers = membersOf(lines.slice(paths.start + 1, paths.end), 2);
  const operationMembers = membersOf(lines.slice(operations.start + 1, operations.end), 2);
  const operationArea = new Map<string, string>();
  for (const member of pathMembers)
    for (const id of references(member.lines, OPERATION_REF))
      if (!operationArea.has(id)) operationArea.set(id, areaOfPath(member.key));
  const schemaArea = new Map<string, string>();
  for (const member of operationMembers)
    for (const name of references(member.lines, SCHEMA_REF))
      if (!schemaArea.has(name)) schemaArea.set(name, operationArea.get(member.key) ?? 'shared');
  // Schemas used only inside other schemas follow them (until nothing changes).
  for (let changed = true; changed;) {
    changed = false;
    for (const member of schemaMembers) {
      const area = schemaArea.get(member.key);
      if (!area) continue;
      for (const name of references(member.lines, SCHEMA_REF))
        if (!schemaArea.has(name)) {
          schemaArea.set(name, area);
          changed = true;
        }
    }
  }

  const pathParts = partsOf('paths', pathMembers, (m) => areaOfPath(m.key));
  const operationParts = partsOf('operations', operationMembers, (m) => operationArea.get(m.key) ?? 'shared');
  const schemaParts = partsOf('schemas', schemaMembers, (m) => schemaArea.get(m.key) ?? 'shared');
  const otherComponents = componentMembers.filter((member) => member !== schemasMember).flatMap((m) => m.lines);

  const index = [
    header.trimEnd(),
    '',
    ...importsOf([...pathParts, ...operationParts, ...schemaParts]),
    '',
    ...lines.slice(0, paths.start),
    `export type paths = ${intersection(pathParts)};`,
    ...lines.slice(paths.end + 1, components.start),
    'export interface components {',
    `  schemas: ${intersection(schemaParts)};`,
    ...otherComponents,
    '}',
    ...lines.slice(components.end + 1, operations.start),
    `export type operations = ${intersection(operationParts)};`,
    ...lines.slice(operations.end + 1),
  ].join('\n');
  const files: Record<string, string> = { 'schema.ts': index };
  for (const part of [...pathParts, ...operationParts, ...schemaParts]) files[part.file] = partFile(header, part);
  return files;
}
