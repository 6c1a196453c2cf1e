/**
 * The owners' committee's figures (业主大会和业主委员会指导规则): 5 to 11 members, an odd number, all
 * owners (art. 31); a term of at most 5 years (art. 31); the chair and vice-chair chosen within 7 days
 * of the election (art. 32); filing within 30 days of the election (art. 33), changes reported within
 * 30 days. Periods count in calendar days from the day after the event (民法典 第二百零一条: the first
 * day is not counted), so a 7-day period from an election on the 1st ends on the 8th: overdue from the 9th.
 */
export const COMMITTEE_RULES = {
  minimumMembers: 5,
  maximumMembers: 11,
  maximumTermYears: 5,
  officersDays: 7,
  filingDays: 30,
  changeReportDays: 30,
  /** Flag a term this many days before it ends (time to organize the re-election, 换届). */
  termWarningDays: 90,
} as const;

/** A deployment's small-complex rule (property settings): below `heads` heads a committee may have `minimum` members. */
export interface SmallComplexRule {
  heads: number;
  minimum: number;
}

/** The smallest committee a complex with `heads` heads on its election roll may elect. */
export function minimumMembers(heads: number, small: SmallComplexRule): number {
  return heads < small.heads ? Math.min(small.minimum, COMMITTEE_RULES.minimumMembers) : COMMITTEE_RULES.minimumMembers;
}

/** Whether `size` members make a lawful committee: odd, at least `minimum`, at most 11. */
export function isLawfulSize(size: number, minimum: number): boolean {
  return size % 2 === 1 && size >= minimum && size <= COMMITTEE_RULES.maximumMembers;
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `years`; 29 February lands on 28 February of a common year. */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The last day of each statutory period of a committee elected on `electedOn`. */
export function committeeDueDates(electedOn: string): { officers: string; filing: string } {
  return {
    officers: addDays(electedOn, COMMITTEE_RULES.officersDays),
    filing: addDays(electedOn, COMMITTEE_RULES.filingDays),
  };
}
