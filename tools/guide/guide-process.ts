import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AssembledGuide, assembleGuide } from './guide-snippets';
import { GUIDE_REPORT_ENV, GuideReport } from './guide-runtime';

/** The repository's root. */
export const ROOT = join(__dirname, '..', '..');

/** The getting-started guide, relative to the root. */
export const GETTING_STARTED = 'docs/getting-started.md';

/** The guide written out as a TypeScript file of its own (under tmp/, which git, eslint and tsc ignore). */
export interface PreparedGuide {
  document: string;
  /** The folder holding the file, its tsconfig.json and, after a run, report.json. */
  dir: string;
  file: string;
  assembled: AssembledGuide;
  /** Removes the folder. */
  remove(): void;
}

export interface GuideRun {
  exitCode: number | null;
  /** stdout and stderr as they came. */
  output: string;
  /** Absent when the guide died before writing it (a syntax error, a kill). */
  report?: GuideReport;
}

/** Assembles `document` (docs/getting-started.md by default) into tmp/guide/<unique>/getting-started.guide.ts. */
export function prepareGuide(document = GETTING_STARTED): PreparedGuide {
  const dir = join(ROOT, 'tmp', 'guide', `${process.pid}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'getting-started.guide.ts');
  const runtime = relative(dir, join(__dirname, 'guide-runtime')).split('\\').join('/');
  const assembled = assembleGuide(readFileSync(join(ROOT, document), 'utf8'), {
    documentPath: document,
    runtimeImport: runtime.startsWith('.') ? runtime : `./${runtime}`,
  });
  writeFileSync(file, assembled.source);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: relative(dir, join(ROOT, 'tsconfig.base.json')),
      // No jest globals: the guide is a plain script.
      compilerOptions: { noEmit: true, types: ['node'] },
      files: ['getting-started.guide.ts'],
    }),
  );
  return { document, dir, file, assembled, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `tsc --noEmit` over the guide's code (and what it imports: @linli/client and its generated
 * types), a couple of seconds. Type errors name the document's lines: `docs/getting-started.md(123,5)`.
 */
export async function typecheckGuide(guide: PreparedGuide): Promise<{ ok: boolean; output: string }> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const { exitCode, output } = await run(
    [tsc, '-p', join(guide.dir, 'tsconfig.json'), '--pretty', 'false'],
    process.env,
  );
  return { ok: exitCode === 0, output: inDocumentTerms(guide, output) };
}

/**
 * Runs the guide's snippets in order in a process of its own (`node -r ./tools/register.js`, as
 * `npm start` runs the apps), against `LINLI_URL`. `onOutput` sees the output as it comes.
 */
export async function runGuide(
  guide: PreparedGuide,
  options: { env?: Record<string, string | undefined>; onOutput?: (text: string) => void; timeoutMs?: number } = {},
): Promise<GuideRun> {
  const reportFile = join(guide.dir, 'report.json');
  rmSync(reportFile, { force: true });
  const preload = ['-r', join(ROOT, 'tools', 'register.js'), '-r', join(ROOT, 'tools/bench/lib/exit-with-parent.js')];
  const { exitCode, output } = await run(
    [...preload, guide.file],
    {
      ...process.env,
      ...options.env,
      [GUIDE_REPORT_ENV]: reportFile,
    },
    (text) => options.onOutput?.(inDocumentTerms(guide, text)),
    options.timeoutMs,
  );
  const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as GuideReport) : undefined;
  return { exitCode, output: inDocumentTerms(guide, output), report };
}

/** The generated file's name replaced by the document's: its lines are the document's lines. */
function inDocumentTerms(guide: PreparedGuide, text: string): string {
  return text.split(guide.file).join(guide.document).split(relative(ROOT, guide.file)).join(guide.document);
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  onOutput?: (text: string) => void,
  timeoutMs?: number,
): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      onOutput?.(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : undefined;
    child.once('error', reject);
    child.once('close', (exitCode) => {
      if (timer) clearTimeout(timer);
      resolve({ exitCode, output });
    });
  });
}
