import * as ts from 'typescript';

/**
 * The table-ownership scan (docs/architecture.md, "every table has one owner"), as a pure function
 * of file contents: no file system, no database. `table-ownership.integration-spec.ts` feeds it every
 * lib's sources; `table-ownership-scan.spec.ts` feeds it planted fixtures.
 *
 * Only the contents of string and template literals are read (parsed with the TypeScript compiler,
 * so comments, identifiers and regular expressions never count), and within them only a table name
 * in SQL position: after FROM (and each item of its comma list), JOIN, UPDATE, INTO, TABLE or
 * TRUNCATE, optionally `public.`-qualified or double-quoted, case-insensitive. A literal counts as
 * SQL only if it carries a statement keyword (SELECT, INSERT, UPDATE, DELETE, JOIN, WHERE,
 * RETURNING, TRUNCATE, or an upper-case FROM/INTO/TABLE), so prose such as 'moved from units' does
 * not. The string argument of a query-builder call (`.from('units')`, `.innerJoin('people', 'p', …)`,
 * `.update('units')`, `.into('units')`) counts when it is exactly a table name.
 */

/** lib name (the folder under libs/) → the tables its schema part declares. */
export type TableOwners = Readonly<Record<string, readonly string[]>>;

export interface SourceFile {
  /** Path relative to the repository root, e.g. `libs/points/src/ledger/point-ledger.repository.ts`. */
  path: string;
  content: string;
}

export interface OwnershipViolation {
  path: string;
  line: number;
  /** The lib the file belongs to. */
  lib: string;
  table: string;
  owner: string;
}

const IDENT = String.raw`(?:"?public"?\s*\.\s*)?"?([a-z_][a-z0-9_$]*)"?(?![\w.$])`;
const ALIAS = String.raw`(?:\s+(?:as\s+)?"?[a-z_][a-z0-9_$]*"?(?![\w.$(]))?`;
/** A keyword that puts a table name next, then the name (group 1). FROM's comma list is handled below. */
const TABLE_AFTER_KEYWORD = new RegExp(
  String.raw`\b(?:from|join|update|into|table|truncate)\s+(?:only\s+)?${IDENT}`,
  'gi',
);
/** `, name` items of a FROM list: `FROM units u, people p`. */
const FROM_LIST = new RegExp(String.raw`\bfrom\s+(?:only\s+)?${IDENT}${ALIAS}((?:\s*,\s*${IDENT}${ALIAS})+)`, 'gi');
const LIST_ITEM = new RegExp(String.raw`,\s*${IDENT}`, 'gi');
const LOOKS_LIKE_SQL = /\b(?:select|insert|update|delete|join|where|returning|truncate)\b/i;
const UPPER_CASE_SQL = /\b(?:FROM|INTO|TABLE)\b/;
/** Query-builder methods whose first string argument is a table name. */
const BUILDER_TABLE_METHODS = new Set([
  'from',
  'into',
  'update',
  'join',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'innerJoinAndMapOne',
  'innerJoinAndMapMany',
  'leftJoinAndMapOne',
  'leftJoinAndMapMany',
]);

const NOT_BUILDERS = new Set(['Array', 'Buffer', 'Object', 'String', 'Set', 'Map', 'Promise']);

/** The lib a path belongs to (`libs/<lib>/src/…`), or undefined. */
export function libOf(path: string): string | undefined {
  return /^libs\/([^/]+)\/src\//.exec(path.replace(/\\/g, '/'))?.[1];
}

/**
 * Whether a file is scanned: TypeScript under libs/<lib>/src, not a spec, not a migration (schema
 * history), not a `*.schema.ts` (it declares tables as data), and not in libs/testing or
 * libs/composition, which are not domain libs: the harness sets up any table, the composition wires
 * every lib together.
 */
export function isScanned(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  const lib = libOf(p);
  if (!lib || lib === 'testing' || lib === 'composition') return false;
  if (!p.endsWith('.ts') || p.endsWith('.d.ts')) return false;
  if (/\.(spec|integration-spec)\.ts$/.test(p) || p.endsWith('.schema.ts')) return false;
  return !/\/migrations\//.test(p);
}

interface Literal {
  /** The literal's text between its delimiters, `${…}` substitutions replaced by `_` (newlines kept). */
  text: string;
  /** Source offset of `text[0]`. */
  start: number;
  builderArgument: boolean;
}

function literalsOf(file: SourceFile): { literals: Literal[]; sourceFile: ts.SourceFile } {
  const sourceFile = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const literals: Literal[] = [];
  const source = file.content;
  const mask = (from: number, to: number) => source.slice(from, to).replace(/[^\n]/g, '_');

  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const start = node.getStart(sourceFile) + 1;
      literals.push({ text: source.slice(start, node.end - 1), start, builderArgument: isBuilderArgument(node) });
      return;
    }
    if (ts.isTemplateExpression(node)) {
      // Head, spans and tail as one text; each `${expr}` masked (its own literals are visited below).
      const start = node.getStart(sourceFile) + 1;
      let text = '';
      let cursor = start;
      for (const span of node.templateSpans) {
        const exprStart = span.expression.getStart(sourceFile) - 2; // the `${`
        const exprEnd = span.literal.getStart(sourceFile) + 1; // through the `}`
        text += source.slice(cursor, exprStart) + mask(exprStart, exprEnd);
        cursor = exprEnd;
        visit(span.expression);
      }
      text += source.slice(cursor, node.end - 1);
      literals.push({ text, start, builderArgument: false });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { literals, sourceFile };
}

function isBuilderArgument(node: ts.Node): boolean {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== node) return false;
  if (!ts.isPropertyAccessExpression(call.expression) || !BUILDER_TABLE_METHODS.has(call.expression.name.text))
    return false;
  // `Array.from('…')`, `Buffer.from('…')`: a global's method, not a query builder.
  const target = call.expression.expression;
  return !(ts.isIdentifier(target) && NOT_BUILDERS.has(target.text));
}

/** Every mention of a table owned by another lib than the file's, in SQL position, in order. */
export function scanFile(file: SourceFile, owners: TableOwners): OwnershipViolation[] {
  const lib = libOf(file.path);
  if (!lib) return [];
  const ownerOf = new Map<string, string>();
  for (const [owner, tables] of Object.entries(owners)) for (const table of tables) ownerOf.set(table, owner);

  const { literals, sourceFile } = literalsOf(file);
  const violations: OwnershipViolation[] = [];
  const seen = new Set<string>();
  const report = (offset: number, name: string) => {
    const table = name.toLowerCase();
    const owner = ownerOf.get(table);
    if (!owner || owner === lib) return;
    const line = sourceFile.getLineAndCharacterOfPosition(offset).line + 1;
    const key = `${line}:${table}`;
    if (seen.has(key)) return;
    seen.add(key);
    violations.push({ path: file.path, line, lib, table, owner });
  };

  for (const literal of literals) {
    if (literal.builderArgument && /^\s*"?[a-z_][a-z0-9_]*"?\s*$/i.test(literal.text)) {
      report(literal.start + literal.text.search(/[a-z_]/i), literal.text.trim().replace(/"/g, ''));
      continue;
    }
    if (!LOOKS_LIKE_SQL.test(literal.text) && !UPPER_CASE_SQL.test(literal.text)) continue;
    for (const match of literal.text.matchAll(TABLE_AFTER_KEYWORD)) {
      report(literal.start + match.index + match[0].lastIndexOf(match[1]), match[1]);
    }
    for (const list of literal.text.matchAll(FROM_LIST)) {
      const tail = list[2]; // the `, name [alias]` items after the first
      const tailStart = list.index + list[0].length - tail.length;
      for (const item of tail.matchAll(LIST_ITEM))
        report(literal.start + tailStart + item.index + item[0].lastIndexOf(item[1]), item[1]);
    }
  }
  return violations.sort((a, b) => a.line - b.line || a.table.localeCompare(b.table));
}

export function scanFiles(files: readonly SourceFile[], owners: TableOwners): OwnershipViolation[] {
  return files.filter((f) => isScanned(f.path)).flatMap((f) => scanFile(f, owners));
}

export function formatViolation(v: OwnershipViolation): string {
  return `${v.path}:${v.line} names ${v.table} owned by ${v.owner}`;
}
