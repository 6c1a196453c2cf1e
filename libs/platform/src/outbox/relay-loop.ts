import { Logger } from '@nestjs/common';
import { relayDelayMs } from './relay-backoff';

/** Rejects when `work` has not settled within `ms` (a hung Redis must not hold a batch's row locks forever). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface RelayLoopOptions {
  /** Relays one batch and returns how many rows it moved; throws when the batch could not be enqueued. */
  relayOnce: () => Promise<number>;
  /** A batch this full means more rows are probably waiting: the next one starts at once. */
  batchSize: number;
  pollMs: number;
  logger: Logger;
  /** For the logs: `outbox relay failed; events stay in the outbox and will be retried`. */
  name: string;
  pending: string;
}

/**
 * The polling loop of a relay (the outbox's, the notification requests'): one batch at a time, the
 * poll interval after a short batch, at once after a full one, and the backoff of `relayDelayMs`
 * after consecutive failures (Redis away). `stop()` stops polling and waits for the batch in flight.
 */
export class RelayLoop {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private consecutiveFailures = 0;

  constructor(private readonly options: RelayLoopOptions) {}

  start(): void {
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.tick().finally(() => (this.inFlight = undefined));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    const { relayOnce, batchSize, pollMs, logger, name, pending } = this.options;
    let delay: number;
    try {
      const relayed = await relayOnce();
      if (this.consecutiveFailures > 0)
        logger.log(`${name} recovered after ${this.consecutiveFailures} failed attempt(s)`);
      this.consecutiveFailures = 0;
      delay = relayed >= batchSize ? 0 : pollMs;
    } catch (error) {
      this.consecutiveFailures += 1;
      delay = relayDelayMs(pollMs, this.consecutiveFailures);
      logger.warn(
        { err: error, attempt: this.consecutiveFailures, retryInMs: delay },
        `${name} failed; ${pending} and will be retried`,
      );
    }
    this.schedule(delay);
  }
}
