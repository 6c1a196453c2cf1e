import { parseSeedArguments } from './seed-arguments';

describe('seed-city arguments', () => {
  it('reads scale, seed, database URL, reference day and force', () => {
    expect(
      parseSeedArguments([
        '--scale',
        'city',
        '--seed=7',
        '--database-url',
        'postgres://u@h/db',
        '--today',
        '2026-12-01',
        '--force',
      ]),
    ).toEqual({
      scale: 'city',
      seed: 7,
      databaseUrl: 'postgres://u@h/db',
      today: '2026-12-01',
      force: true,
      help: false,
    });
  });

  it('refuses a missing or unknown scale and unknown arguments, naming the problem', () => {
    expect(parseSeedArguments([])).toEqual({ error: '--scale is required' });
    expect(parseSeedArguments(['--scale', 'town'])).toEqual({ error: '--scale must be one of demo, city, got "town"' });
    expect(parseSeedArguments(['--scale', 'demo', '--seed', 'x'])).toEqual({
      error: '--seed must be a whole number, got "x"',
    });
    expect(parseSeedArguments(['--scale', 'demo', '--verbose'])).toEqual({ error: 'unknown argument "--verbose"' });
  });
});
