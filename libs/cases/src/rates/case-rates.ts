/** What a subtree's cases of a period add up to (counts only; the rates follow from them). */
export interface CaseCounts {
  /** Reported in the period (rejected ones included). */
  received: number;
  /** Of those, responded (taken up or rejected) within the response limit. */
  responded: number;
  rejected: number;
  /** Of those, closed (结案) and not reopened. */
  resolved: number;
  /** Of those, visited (回访) at least once. */
  visited: number;
  /** Of the visited, 满意 or 基本满意 at the latest visit. */
  satisfied: number;
  /** Of the non-rejected, returned at least once (failed verification or unsatisfied visit). */
  reworked: number;
  /** Cases whose resolution deadline fell in the period (and has passed), not rejected. */
  due: number;
  /** Of the due, suspended now (deferred: out of the on-time base). */
  suspended: number;
  /** Of the due, closed by their deadline. Overdue and still open counts late. */
  closedOnTime: number;
}

export interface CaseRateWeights {
  response: number;
  resolution: number;
  satisfaction: number;
  onTime: number;
  rework: number;
}

export interface CaseRates {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeCloseRate: number | null;
  reworkRate: number | null;
  score: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The rates of 接诉即办 and of digital city management (../shared/DOMAIN.md §8):
 * response = responded ÷ received; resolution = resolved ÷ (received − rejected); satisfaction =
 * (满意 + 基本满意) ÷ visited; on-time close = closed on time ÷ (due − suspended) (GB/T 30428's
 * 按期结案率, deferred cases out); rework = reworked ÷ (received − rejected). A rate without a base is
 * null. The score is 100 × the weighted mean of the rates that have a value (rework counted as
 * 1 − rework), the weights of the others left out; null when none has a value or weighs.
 */
export function caseRates(counts: CaseCounts, weights: CaseRateWeights): CaseRates {
  const accepted = counts.received - counts.rejected;
  const rates = {
    responseRate: ratio(counts.responded, counts.received),
    resolutionRate: ratio(counts.resolved, accepted),
    satisfactionRate: ratio(counts.satisfied, counts.visited),
    onTimeCloseRate: ratio(counts.closedOnTime, counts.due - counts.suspended),
    reworkRate: ratio(counts.reworked, accepted),
  };
  const parts: [number | null, number][] = [
    [rates.responseRate, weights.response],
    [rates.resolutionRate, weights.resolution],
    [rates.satisfactionRate, weights.satisfaction],
    [rates.onTimeCloseRate, weights.onTime],
    [rates.reworkRate === null ? null : 1 - rates.reworkRate, weights.rework],
  ];
  const counted = parts.filter(([rate, weight]) => rate !== null && weight > 0) as [number, number][];
  const total = counted.reduce((sum, [, weight]) => sum + weight, 0);
  const score =
    total > 0
      ? Math.round((10000 * counted.reduce((sum, [rate, weight]) => sum + rate * weight, 0)) / total) / 100
      : null;
  return { ...rates, score };
}

/** Standard competition ranking (1, 2, 2, 4) by score, highest first; units without a score are not ranked. */
export function rankByScore<T extends { score: number | null }>(items: T[]): (T & { rank: number | null })[] {
  const scored = items.filter((item) => item.score !== null).sort((a, b) => (b.score as number) - (a.score as number));
  const rankOf = new Map<T, number>();
  scored.forEach((item, i) =>
    rankOf.set(item, i > 0 && scored[i - 1].score === item.score ? (rankOf.get(scored[i - 1]) as number) : i + 1),
  );
  return items.map((item) => ({ ...item, rank: rankOf.get(item) ?? null }));
}
