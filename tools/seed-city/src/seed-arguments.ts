import { SEED_SCALES, SeedScale } from './scales';

export interface SeedArguments {
  scale: SeedScale;
  seed: number;
  databaseUrl?: string;
  today?: string;
  force: boolean;
  help: boolean;
}

export const SEED_USAGE =
  'usage: npm run seed -- --scale demo|city [--seed N] [--database-url postgres://…] [--today YYYY-MM-DD] [--force]';

/** Parses the CLI arguments; an `error` names what is wrong. */
export function parseSeedArguments(argv: readonly string[]): SeedArguments | { error: string } {
  const result: SeedArguments = { scale: 'demo', seed: 1, force: false, help: false };
  let scaleGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--scale': {
        const scale = value();
        if (!(SEED_SCALES as readonly string[]).includes(scale))
          return { error: `--scale must be one of ${SEED_SCALES.join(', ')}, got "${scale ?? ''}"` };
        result.scale = scale as SeedScale;
        scaleGiven = true;
        break;
      }
      case '--seed': {
        const seed = value();
        if (!/^\d{1,9}$/.test(seed ?? '')) return { error: `--seed must be a whole number, got "${seed ?? ''}"` };
        result.seed = Number(seed);
        break;
      }
      case '--database-url': {
        const url = value();
        if (!/^postgres(ql)?:\/\/.+/.test(url ?? '')) return { error: `--database-url must be a postgres:// URL` };
        result.databaseUrl = url;
        break;
      }
      case '--today': {
        const today = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(today ?? ''))
          return { error: `--today must be YYYY-MM-DD, got "${today ?? ''}"` };
        result.today = today;
        break;
      }
      case '--force':
        result.force = true;
        break;
      case '--help':
      case '-h':
        result.help = true;
        break;
      default:
        return { error: `unknown argument "${arg}"` };
    }
  }
  if (!scaleGiven && !result.help) return { error: '--scale is required' };
  return result;
}
