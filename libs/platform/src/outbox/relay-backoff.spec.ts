import { RELAY_MAX_BACKOFF_MS, relayDelayMs } from './relay-backoff';

describe('relay backoff', () => {
  it('polls at the configured interval while all is well', () => {
    expect(relayDelayMs(250, 0)).toBe(250);
  });

  it('doubles the wait per consecutive failure, up to the cap', () => {
    expect([1, 2, 3].map((n) => relayDelayMs(250, n))).toEqual([500, 1000, 2000]);
    expect(relayDelayMs(250, 10)).toBe(RELAY_MAX_BACKOFF_MS);
    expect(relayDelayMs(250, 1000)).toBe(RELAY_MAX_BACKOFF_MS);
  });

  it('never waits less than the poll interval, even when the interval exceeds the cap', () => {
    expect(relayDelayMs(60_000, 3)).toBe(60_000);
  });
});
