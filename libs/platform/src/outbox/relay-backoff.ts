/** Upper bound of the relay's wait after consecutive failures (Redis away). */
export const RELAY_MAX_BACKOFF_MS = 15_000;

/** Wait before the next relay attempt: the poll interval, doubled per consecutive failure, capped. */
export function relayDelayMs(pollMs: number, consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return pollMs;
  return Math.max(pollMs, Math.min(RELAY_MAX_BACKOFF_MS, pollMs * 2 ** Math.min(consecutiveFailures, 20)));
}
