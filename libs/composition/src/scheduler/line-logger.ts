import { LoggerService, LogLevel } from '@nestjs/common';
import { inspect } from 'node:util';

/** A plain-line logger for command-line tools: writes through the given function (stderr), keeping stdout for results. */
export class LineLogger implements LoggerService {
  constructor(
    private readonly write: (text: string) => void,
    private readonly levels: readonly LogLevel[] = ['fatal', 'error', 'warn'],
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.print('log', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.print('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.print('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.print('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.print('verbose', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.print('fatal', message, rest);
  }

  private print(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.includes(level)) return;
    // Nest passes the context (the class name) as the last string argument.
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const parts = [message, ...rest].map((part) =>
      typeof part === 'string' ? part : inspect(part, { depth: 4, breakLength: Infinity }),
    );
    this.write(`${level.toUpperCase()}${context ? ` [${context}]` : ''} ${parts.join(' ')}\n`);
  }
}
