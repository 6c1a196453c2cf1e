import { INestApplicationContext } from '@nestjs/common';
import {
  ConfigError,
  InvalidPeriodError,
  JobRunner,
  JobRunReport,
  LinliConfig,
  ScheduleRegistry,
  UnknownScheduleError,
} from '@linli/platform';
import { parseArgs } from 'node:util';
import { AppModuleImport } from '../app-options';
import { loadLinliConfig } from '../load-linli-config';
import { createSchedulerContext } from './create-scheduler-context';
import { LineLogger } from './line-logger';

export const RUN_JOB_USAGE = `usage: npm run job -- <name> [--period <key>] [--force]
       npm run job -- --list

Runs one scheduled job for one period and prints its run record as JSON.
  --period <key>  2026-11-22 (day), 2026-11 (month), 2026Q4 (quarter) or 2026 (year);
                  default: the period the schedule would run for now
  --force         recompute a period that already succeeded
  --list          print the registered schedules
Exit status: 0 succeeded, 1 failed (or running elsewhere, or invalid configuration), 2 usage error or unknown job.
`;

export interface RunJobCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Environment to read the configuration from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** A whole configuration instead of `env` (tests). */
  config?: LinliConfig;
  /** More modules next to the scheduler's own (tests register schedules this way). */
  extraModules?: AppModuleImport[];
}

function describeRun({ run, executed }: JobRunReport): Record<string, unknown> {
  return {
    job: run.job,
    period: run.periodKey,
    status: run.status,
    attempts: run.attempts,
    forced: run.forced,
    executed,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    result: run.result,
    error: run.error,
  };
}

/** `npm run job`: boots the scheduler's composition without background work, runs one job through `JobRunner`, returns the exit status. */
export async function runJobCommand(argv: string[], io: RunJobCommandIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.stderr(`linli job: ${(error as Error).message}\n${RUN_JOB_USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.stdout(RUN_JOB_USAGE);
    return 0;
  }
  const name = args.positionals[0] ?? '';
  if (!args.values.list && (args.positionals.length !== 1 || !name)) {
    io.stderr(`linli job: name exactly one job\n${RUN_JOB_USAGE}`);
    return 2;
  }

  let config: LinliConfig;
  try {
    config = io.config ?? loadLinliConfig(io.env ?? process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`linli job: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  let context: INestApplicationContext;
  try {
    // Warnings and errors only (the `LOG_LEVEL=silent` of tests mutes them): stdout carries the JSON result.
    const logger = config.logLevel === 'silent' ? false : new LineLogger(io.stderr);
    context = await createSchedulerContext(config, { extraModules: io.extraModules, logger });
  } catch (error) {
    io.stderr(`linli job: could not start: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
  try {
    const registry = context.get(ScheduleRegistry);
    if (args.values.list) {
      const schedules = registry.all().map(({ name, cron, timeZone, period, periodOffset, declaredBy }) => ({
        name,
        cron,
        timeZone,
        period,
        periodOffset,
        declaredBy,
      }));
      io.stdout(`${JSON.stringify(schedules, null, 2)}\n`);
      return 0;
    }
    let report: JobRunReport;
    try {
      report = await context
        .get(JobRunner)
        .run({ schedule: name, period: args.values.period, force: args.values.force });
    } catch (error) {
      if (error instanceof UnknownScheduleError) {
        io.stderr(`linli job: unknown job "${error.schedule}"; known jobs: ${error.known.join(', ') || '(none)'}\n`);
        return 2;
      }
      if (error instanceof InvalidPeriodError) {
        io.stderr(`linli job: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    io.stdout(`${JSON.stringify(describeRun(report), null, 2)}\n`);
    const { run, executed } = report;
    if (run.status === 'succeeded') {
      if (!executed)
        io.stderr(
          `linli job: "${run.job}" already succeeded for ${run.periodKey}; nothing done (pass --force to recompute)\n`,
        );
      return 0;
    }
    if (run.status === 'running')
      io.stderr(`linli job: "${run.job}" for ${run.periodKey} is running in another process\n`);
    return 1;
  } finally {
    await context.close();
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      period: { type: 'string', short: 'p' },
      force: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
