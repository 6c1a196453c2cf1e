import { assembleGuide, extractSnippets } from './guide-snippets';

const DOCUMENT = [
  '# A guide',
  '',
  '## 1. Log in',
  '',
  '```sh',
  'npm start',
  '```',
  '',
  '```ts',
  "import { join } from 'node:path';",
  'import {',
  '  basename,',
  "} from 'node:path';",
  'const first = join("a", "b");',
  '```',
  '',
  '## 2. Use it',
  '',
  '```ts',
  'const { items: [head], nextCursor } = { items: [basename(first)], nextCursor: null };',
  'let count = 1;',
  'function helper() {',
  '  const inner = 2;',
  '  return inner;',
  '}',
  '```',
  '',
].join('\n');

const options = { documentPath: 'docs/a-guide.md', runtimeImport: './guide-runtime' };

describe('guide snippets', () => {
  it('takes the ```ts blocks only, each with its heading and its fence lines', () => {
    expect(
      extractSnippets(DOCUMENT).map(({ step, title, fromLine, toLine }) => [step, title, fromLine, toLine]),
    ).toEqual([
      [1, 'Log in', 9, 15],
      [2, 'Use it', 19, 26],
    ]);
  });

  it('keeps every line of code on its line of the document and announces each step at its opening fence', () => {
    const lines = assembleGuide(DOCUMENT, options).source.split('\n');
    const documentLines = DOCUMENT.split('\n');
    for (const line of [14, 20, 21, 22, 25]) expect(lines[line - 1]).toBe(documentLines[line - 1]);
    expect(lines[8]).toBe('__guide.step(1);');
    expect(lines[18]).toBe('__guide.step(2);');
    // Prose and other code blocks are blank.
    expect(lines[5]).toBe('');
  });

  it('moves imports, multi-line ones too, to the first line, before the async body opens', () => {
    const first = assembleGuide(DOCUMENT, options).source.split('\n')[0];
    expect(first).toMatch(
      /^import \{ __guide \} from "\.\/guide-runtime"; import \{ join \} from 'node:path'; import \{ {3}basename, \} from 'node:path'; void __guide\.run\(/,
    );
    expect(assembleGuide(DOCUMENT, options).source.split('\n')[10]).toBe('');
  });

  it('reports the top-level variables of the snippets, destructured ones included, but not those inside functions', () => {
    const assembled = assembleGuide(DOCUMENT, options);
    expect(assembled.variables).toEqual(['first', 'head', 'nextCursor', 'count']);
    expect(assembled.source).toContain('__guide.values({ first, head, nextCursor, count });');
  });

  it('refuses an unclosed block', () => {
    expect(() => extractSnippets('# x\n\n```ts\nconst a = 1;\n')).toThrow('unclosed code block at line 3');
  });
});
