import { resolve } from 'node:path';

/**
 * The benchmarks' command line, declared once per benchmark as a table of options: each key is an
 * option (`perClient` is `--per-client`), with its type, default and help line. `parseBenchArguments`
 * reads `--name value`, `--name=value` and bare flags, refuses unknown arguments and malformed
 * values, and answers `--help` with the usage the table describes.
 */
interface OptionBase {
  help: string;
  /** Shown in the usage after the flag, e.g. `<url>`. */
  placeholder?: string;
}

export interface StringOption extends OptionBase {
  type: 'string';
  default: string;
}

/** A file path, resolved against the working directory. */
export interface PathOption extends OptionBase {
  type: 'path';
  default: string;
}

/** A whole number, at least `min` (default 0). */
export interface NumberOption extends OptionBase {
  type: 'number';
  default: number;
  min?: number;
}

/** Present or not; takes no value. */
export interface FlagOption extends OptionBase {
  type: 'flag';
}

/** One of `choices`. */
export interface ChoiceOption<C extends string = string> extends OptionBase {
  type: 'choice';
  choices: readonly C[];
  default: C;
}

/** Comma-separated choices; the result keeps the order of `choices`, not of the argument. */
export interface ListOption<C extends string = string> extends OptionBase {
  type: 'list';
  choices: readonly C[];
  default: readonly C[];
}

export type OptionSpec = StringOption | PathOption | NumberOption | FlagOption | ChoiceOption | ListOption;
export type OptionTable = Record<string, OptionSpec>;

type OptionValue<O> = O extends FlagOption
  ? boolean
  : O extends NumberOption
    ? number
    : O extends { type: 'choice'; choices: readonly (infer C)[] }
      ? C
      : O extends { type: 'list'; choices: readonly (infer C)[] }
        ? C[]
        : string;

/** The parsed options of a table: `{ perClient: number, keep: boolean, only: PointsPart[], … }`. */
export type OptionsOf<T extends OptionTable> = { -readonly [K in keyof T]: OptionValue<T[K]> };

/** What a benchmark's command line looks like. */
export interface BenchCommand<T extends OptionTable> {
  /** `npm run bench:points`. */
  command: string;
  /** What the benchmark does, for `--help`. */
  description: string;
  options: T;
}

export type ParsedArguments<T extends OptionTable> = { help: true } | { error: string } | { options: OptionsOf<T> };

/** Keeps the literal types of a table (choices, flags) so that `OptionsOf` can read them. */
export function defineBenchCommand<T extends OptionTable>(command: BenchCommand<T>): BenchCommand<T> {
  return command;
}

const flagOf = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

function defaultOf(spec: OptionSpec): unknown {
  switch (spec.type) {
    case 'flag':
      return false;
    case 'path':
      return resolve(spec.default);
    case 'list':
      return [...spec.default];
    default:
      return spec.default;
  }
}

/** The value of `flag` read from `raw`, or the problem with it. */
function valueOf(
  flag: string,
  spec: Exclude<OptionSpec, FlagOption>,
  raw: string,
): { value: unknown } | { error: string } {
  switch (spec.type) {
    case 'string':
      return { value: raw };
    case 'path':
      return { value: resolve(raw) };
    case 'number': {
      const value = Number(raw);
      const min = spec.min ?? 0;
      if (raw.trim() === '' || !Number.isInteger(value) || value < min)
        return { error: `${flag} takes a whole number of at least ${min}, got "${raw}"` };
      return { value };
    }
    case 'choice':
      if (!spec.choices.includes(raw)) return { error: `${flag} must be ${spec.choices.join(' or ')}, got "${raw}"` };
      return { value: raw };
    case 'list': {
      const parts = raw.split(',');
      const unknown = parts.filter((part) => !spec.choices.includes(part));
      if (unknown.length > 0)
        return { error: `${flag} takes ${spec.choices.join(', ')} (comma-separated), got "${unknown.join(',')}"` };
      return { value: spec.choices.filter((choice) => parts.includes(choice)) };
    }
  }
}

/** Reads `argv` (without the node and script arguments) against the command's table. Never exits. */
export function parseBenchArguments<T extends OptionTable>(
  command: BenchCommand<T>,
  argv: readonly string[],
): ParsedArguments<T> {
  const byFlag = new Map(Object.entries(command.options).map(([key, spec]) => [flagOf(key), { key, spec }]));
  const options: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(command.options)) options[key] = defaultOf(spec);
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--help' || argument === '-h') return { help: true };
    const equals = argument.indexOf('=');
    const flag = argument.startsWith('--') && equals > 0 ? argument.slice(0, equals) : argument;
    const option = byFlag.get(flag);
    if (!option) return { error: `unknown argument ${argument}` };
    if (option.spec.type === 'flag') {
      if (flag !== argument) return { error: `${flag} takes no value` };
      options[option.key] = true;
      continue;
    }
    const raw = flag !== argument ? argument.slice(equals + 1) : argv[++i];
    if (raw === undefined) return { error: `${flag} needs a value` };
    const read = valueOf(flag, option.spec, raw);
    if ('error' in read) return read;
    options[option.key] = read.value;
  }
  return { options: options as OptionsOf<T> };
}

function describeDefault(spec: OptionSpec): string {
  switch (spec.type) {
    case 'flag':
      return '';
    case 'list':
      return ` (default: ${spec.default.join(',')})`;
    default:
      return ` (default: ${spec.default})`;
  }
}

/** The `--help` text: the command, what it does, and one line per option. */
export function benchUsage<T extends OptionTable>(command: BenchCommand<T>): string {
  const rows = Object.entries(command.options).map(([key, spec]) => {
    const placeholder =
      spec.type === 'flag'
        ? ''
        : ` ${spec.placeholder ?? (spec.type === 'choice' ? spec.choices.join('|') : spec.type === 'list' ? `${spec.choices.join(',')}` : `<${spec.type === 'number' ? 'n' : spec.type}>`)}`;
    return { left: `${flagOf(key)}${placeholder}`, right: `${spec.help}${describeDefault(spec)}` };
  });
  rows.push({ left: '--help', right: 'this text' });
  const width = Math.max(...rows.map((row) => row.left.length)) + 2;
  return [
    `Usage: ${command.command} -- [options]`,
    '',
    command.description,
    '',
    'Options:',
    ...rows.map((row) => `  ${row.left.padEnd(width)}${row.right}`),
  ].join('\n');
}

/**
 * The options of this run: prints the usage and exits 0 on `--help`; prints the problem and the
 * usage and exits 2 on a bad command line.
 */
export function readBenchOptions<T extends OptionTable>(
  command: BenchCommand<T>,
  argv: readonly string[] = process.argv.slice(2),
): OptionsOf<T> {
  const parsed = parseBenchArguments(command, argv);
  if ('help' in parsed) {
    process.stdout.write(`${benchUsage(command)}\n`);
    process.exit(0);
  }
  if ('error' in parsed) {
    process.stderr.write(`bench: ${parsed.error}\n${benchUsage(command)}\n`);
    process.exit(2);
  }
  return parsed.options;
}

/** A benchmark's progress line. */
export const out = (line: string) => process.stdout.write(`bench: ${line}\n`);

/** Runs a benchmark's `main` and exits with its code (0 when it returns nothing), or 1 with the stack when it throws. */
export function runBench(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
