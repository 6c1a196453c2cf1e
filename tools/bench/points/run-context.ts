import { LinliConfig } from '@linli/platform';
import { join } from 'node:path';
import { defineBenchCommand, OptionsOf } from '../lib/bench-cli';
import { Machine } from '../lib/machine';
import { POINTS_PARTS } from '../lib/points-report';

export const EVENT_TYPE = 'volunteers.service.verified';
export const FIRST_EVENT_AT = '2026-11-20T02:00:00.000Z';
export const FOREIGN_KEYS_PER_CREDIT = 9;

export const POINTS_COMMAND = defineBenchCommand({
  command: 'npm run bench:points',
  description: [
    'Creates `linli_bench_points`, seeds a city (`city` scale by default), then measures in one run: the',
    'event → entry pipeline (outbox → relay → BullMQ → points subscriber in an in-process scheduler)',
    'against plain multi-row INSERTs of the rows it writes; redemptions under concurrent clients through',
    'the api (Fastify inject); and the quarterly assessment over millions of entries. `--only` measures',
    'some parts (e.g. `--only pipeline --scale demo`: the pipeline against a small city, in seconds).',
    'Writes the points section of the results file, keeping the parts it did not measure as they were,',
    'and drops the database unless `--keep`.',
  ].join('\n'),
  options: {
    databaseUrl: {
      type: 'string',
      default: 'postgres://postgres@127.0.0.1:5432/linli_bench_points',
      placeholder: '<url>',
      help: 'the benchmark database (dropped and recreated)',
    },
    only: { type: 'list', choices: POINTS_PARTS, default: POINTS_PARTS, help: 'the parts to measure' },
    scale: { type: 'choice', choices: ['city', 'demo'] as const, default: 'city', help: 'the seed-city scale' },
    events: { type: 'number', default: 20_000, min: 1, help: 'pipeline: events published' },
    batch: {
      type: 'number',
      default: 500,
      min: 1,
      help: 'pipeline: events per outbox transaction (and per raw batch)',
    },
    clients: { type: 'number', default: 50, min: 1, help: 'redemptions: concurrent clients' },
    perClient: { type: 'number', default: 40, min: 1, help: 'redemptions: attempts per client' },
    entries: { type: 'number', default: 5_000_000, min: 1, help: 'assessment: entries generated in the quarter' },
    results: {
      type: 'path',
      default: join(__dirname, '..', 'RESULTS.md'),
      placeholder: '<file>',
      help: 'the results file whose points section is rewritten',
    },
    keep: { type: 'flag', help: 'keep the database afterwards' },
  },
});

export type PointsOptions = OptionsOf<typeof POINTS_COMMAND.options>;

/** What every part needs: the options, the configuration, the seeded city and a way to query it. */
export interface RunContext {
  options: PointsOptions;
  machine: Machine;
  config: LinliConfig;
  command: string;
  seedLine: string;
  sql: <T>(text: string, params?: unknown[]) => Promise<T[]>;
}
