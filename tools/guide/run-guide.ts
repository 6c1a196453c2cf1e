import { GETTING_STARTED, prepareGuide, runGuide, typecheckGuide } from './guide-process';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `npm run guide [-- --no-typecheck] [--keep]

Runs the snippets of ${GETTING_STARTED} in order against a running \`npm start\`:
  LINLI_URL               the api (default http://127.0.0.1:3000)
  LINLI_ADMIN_USERNAME    the administrator (default admin)
  LINLI_ADMIN_PASSWORD    its password: the one npm start created it with, or the one it printed
  --no-typecheck          skip tsc over the snippets (about two seconds)
  --keep                  keep the assembled script (tmp/guide/…/getting-started.guide.ts)`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => !['--no-typecheck', '--keep'].includes(a));
  if (unknown.length > 0) {
    err(`unknown argument(s): ${unknown.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const baseUrl = (process.env.LINLI_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  try {
    await fetch(`${baseUrl}/health`);
  } catch {
    err(`linli guide: nothing answers at ${baseUrl}/health. Start the stack first (\`npm start\`), or set LINLI_URL.`);
    return 1;
  }

  const guide = prepareGuide();
  try {
    out(`linli guide: ${guide.assembled.snippets.length} steps of ${GETTING_STARTED} against ${baseUrl}`);
    if (!args.includes('--no-typecheck')) {
      const started = Date.now();
      const checked = await typecheckGuide(guide);
      if (!checked.ok) {
        err(`the guide's code does not typecheck:\n${checked.output}`);
        return 1;
      }
      out(`typechecked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const result = await runGuide(guide, {
      env: { LINLI_URL: baseUrl },
      onOutput: (text) => process.stdout.write(text),
    });
    return result.exitCode ?? 1;
  } finally {
    if (args.includes('--keep')) out(`kept ${guide.file}`);
    else guide.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    err(`linli guide: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
