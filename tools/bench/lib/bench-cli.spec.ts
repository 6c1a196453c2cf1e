import { resolve } from 'node:path';
import { benchUsage, defineBenchCommand, parseBenchArguments } from './bench-cli';

const COMMAND = defineBenchCommand({
  command: 'npm run bench:example',
  description: 'An example benchmark.',
  options: {
    databaseUrl: { type: 'string', default: 'postgres://localhost/bench', placeholder: '<url>', help: 'the database' },
    scale: { type: 'choice', choices: ['city', 'demo'] as const, default: 'city', help: 'the scale' },
    only: {
      type: 'list',
      choices: ['pipeline', 'redemptions', 'assessment'] as const,
      default: ['pipeline', 'redemptions', 'assessment'],
      help: 'the parts',
    },
    perClient: { type: 'number', default: 40, min: 1, help: 'attempts per client' },
    results: { type: 'path', default: '/tmp/RESULTS.md', help: 'the results file' },
    keep: { type: 'flag', help: 'keep the database' },
  },
});

describe('the benchmarks’ command line', () => {
  it('answers the defaults when no argument is given', () => {
    expect(parseBenchArguments(COMMAND, [])).toEqual({
      options: {
        databaseUrl: 'postgres://localhost/bench',
        scale: 'city',
        only: ['pipeline', 'redemptions', 'assessment'],
        perClient: 40,
        results: '/tmp/RESULTS.md',
        keep: false,
      },
    });
  });

  it('reads values, kebab-case flags, --flag=value and bare flags, keeping the declared order of a list', () => {
    const parsed = parseBenchArguments(COMMAND, [
      '--scale',
      'demo',
      '--per-client=7',
      '--only',
      'assessment,pipeline',
      '--keep',
      '--results',
      'out/R.md',
    ]);
    expect(parsed).toEqual({
      options: {
        databaseUrl: 'postgres://localhost/bench',
        scale: 'demo',
        only: ['pipeline', 'assessment'],
        perClient: 7,
        results: resolve('out/R.md'),
        keep: true,
      },
    });
  });

  it('refuses an unknown argument, a missing value and malformed values, naming the flag', () => {
    expect(parseBenchArguments(COMMAND, ['--skip-seed'])).toEqual({ error: 'unknown argument --skip-seed' });
    expect(parseBenchArguments(COMMAND, ['--scale'])).toEqual({ error: '--scale needs a value' });
    expect(parseBenchArguments(COMMAND, ['--scale', 'town'])).toEqual({
      error: '--scale must be city or demo, got "town"',
    });
    expect(parseBenchArguments(COMMAND, ['--only', 'pipeline,nope'])).toEqual({
      error: '--only takes pipeline, redemptions, assessment (comma-separated), got "nope"',
    });
    expect(parseBenchArguments(COMMAND, ['--per-client', '0'])).toEqual({
      error: '--per-client takes a whole number of at least 1, got "0"',
    });
    expect(parseBenchArguments(COMMAND, ['--per-client', '2.5'])).toEqual({
      error: '--per-client takes a whole number of at least 1, got "2.5"',
    });
    expect(parseBenchArguments(COMMAND, ['--keep=yes'])).toEqual({ error: '--keep takes no value' });
  });

  it('answers --help wherever it stands, with one usage line per option and its default', () => {
    expect(parseBenchArguments(COMMAND, ['--scale', 'demo', '--help'])).toEqual({ help: true });
    const usage = benchUsage(COMMAND);
    expect(usage).toContain('Usage: npm run bench:example -- [options]');
    expect(usage).toMatch(/--database-url <url> +the database \(default: postgres:\/\/localhost\/bench\)/);
    expect(usage).toMatch(/--scale city\|demo +the scale \(default: city\)/);
    expect(usage).toMatch(/--per-client <n> +attempts per client \(default: 40\)/);
    expect(usage).toMatch(/--keep +keep the database\n/);
    expect(usage).toMatch(/--help +this text$/);
  });
});
