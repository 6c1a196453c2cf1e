/** Median and 95th percentile (nearest rank) of durations in milliseconds. */
export interface Timing {
  samples: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export function summarize(durations: number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return {
    samples: sorted.length,
    medianMs: rank(0.5),
    p95Ms: rank(0.95),
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
  };
}

export async function timeIt<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/** `warmups` unmeasured calls, then `samples` measured ones, one after another. */
export async function measure(
  work: () => Promise<unknown>,
  options: { warmups: number; samples: number },
): Promise<Timing> {
  for (let i = 0; i < options.warmups; i++) await work();
  const durations: number[] = [];
  for (let i = 0; i < options.samples; i++) durations.push((await timeIt(work)).ms);
  return summarize(durations);
}

export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`;
}
