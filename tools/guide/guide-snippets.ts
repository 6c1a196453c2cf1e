import * as ts from 'typescript';

/** One runnable step of a guide: a ```ts block and the `##` heading above it. */
export interface GuideSnippet {
  /** 1-based, in document order. */
  step: number;
  /** The nearest `##` heading above the block (its leading "3." numbering removed). */
  title: string;
  /** 1-based document lines of the opening and the closing fence. */
  fromLine: number;
  toLine: number;
  code: string;
}

/** The guide as one TypeScript module whose line N is line N of the document. */
export interface AssembledGuide {
  source: string;
  snippets: GuideSnippet[];
  /** The variables the snippets declare at their top level, in order: the report's `values`. */
  variables: string[];
}

export interface AssembleOptions {
  /** The document's path as printed in messages (`docs/getting-started.md`). */
  documentPath: string;
  /** Module specifier of `guide-runtime.ts` as seen from the file the source is written to. */
  runtimeImport: string;
}

const FENCE = /^```(\S*)\s*$/;
const RUNNABLE = new Set(['ts', 'typescript']);

/** The ```ts blocks of a Markdown document, each with its heading. Other blocks (```sh, ```json) are prose. */
export function extractSnippets(markdown: string): GuideSnippet[] {
  const lines = markdown.split('\n');
  const snippets: GuideSnippet[] = [];
  let heading = '';
  let open: { language: string; from: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    const fence = FENCE.exec(line);
    if (open) {
      if (fence && fence[1] === '') {
        if (RUNNABLE.has(open.language)) {
          snippets.push({
            step: snippets.length + 1,
            title: heading,
            fromLine: open.from,
            toLine: index + 1,
            code: open.body.join('\n'),
          });
        }
        open = undefined;
      } else open.body.push(line);
      return;
    }
    if (fence) open = { language: fence[1], from: index + 1, body: [] };
    else if (line.startsWith('## '))
      heading = line
        .slice(3)
        .replace(/^\d+\.\s*/, '')
        .trim();
  });
  if (open) throw new Error(`unclosed code block at line ${open.from}`);
  return snippets;
}

/**
 * Turns the guide into one module that runs its snippets in order in one shared scope (a `const`
 * of step 2 is there in step 5, as in a REPL) and keeps every line where the document has it:
 * prose becomes blank lines, each opening fence a call that announces its step, so a stack trace
 * or a type error names the document's own line. Imports move to line 1 (the document's title,
 * which must not be code), and the snippets' body runs inside an async function (top-level
 * `await` is not available to CommonJS).
 */
export function assembleGuide(markdown: string, options: AssembleOptions): AssembledGuide {
  const snippets = extractSnippets(markdown);
  const lines = markdown.split('\n').map(() => '');
  const imports: string[] = [];
  for (const snippet of snippets) {
    lines[snippet.fromLine - 1] = `__guide.step(${snippet.step});`;
    const body = snippet.code.split('\n');
    for (let i = 0; i < body.length; i += 1) {
      const line = snippet.fromLine + i; // 0-based index of the document line body[i] sits on
      if (/^import\s/.test(body[i])) {
        // An import, single- or multi-line, ends with its module specifier.
        const start = i;
        while (i < body.length - 1 && !/from\s+['"][^'"]+['"];?\s*$|^import\s+['"][^'"]+['"];?\s*$/.test(body[i]))
          i += 1;
        imports.push(body.slice(start, i + 1).join(' '));
        continue;
      }
      lines[line] = body[i];
    }
  }
  if (snippets.some((snippet) => snippet.fromLine === 1)) throw new Error('the guide must not start with a code block');
  const steps = snippets.map(({ step, title, fromLine, toLine }) => ({ step, title, fromLine, toLine }));
  const variables = topLevelVariables(snippets);
  lines[0] = [
    `import { __guide } from ${JSON.stringify(options.runtimeImport)};`,
    ...imports,
    `void __guide.run(${JSON.stringify({ document: options.documentPath, steps })}, async () => {`,
  ].join(' ');
  lines.push(`__guide.values({ ${variables.join(', ')} });`, '});', '');
  return { source: lines.join('\n'), snippets, variables };
}

/** Names declared by `const`/`let`/`var` (destructuring included) at the top level of the snippets. */
function topLevelVariables(snippets: GuideSnippet[]): string[] {
  const names: string[] = [];
  const collect = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collect(element.name);
  };
  for (const snippet of snippets) {
    const file = ts.createSourceFile('snippet.ts', snippet.code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    for (const statement of file.statements)
      if (ts.isVariableStatement(statement))
        for (const declaration of statement.declarationList.declarations) collect(declaration.name);
  }
  return names;
}
