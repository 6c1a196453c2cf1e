import 'reflect-metadata';
import { runJobCommand } from '@linli/composition';

/** `npm run job -- <name> --period <key> [--force]` and `npm run job -- --list` (see docs/events-and-jobs.md). */
runJobCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`linli job: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
