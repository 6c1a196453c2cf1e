import { DateTime } from 'luxon';
import { OrganizationKind } from './organization-kind';

/**
 * Default term length in years by kind (DOMAIN.md §2): community and village branch committees 5,
 * general branches generally 3, grassroots committees 5. A party group has no elected committee,
 * so its officers have no default end.
 */
export const DEFAULT_TERM_YEARS: Record<OrganizationKind, number | null> = {
  committee: 5,
  general_branch: 3,
  branch: 5,
  joint_branch: 5,
  party_group: null,
};

/** The default end of a term starting `termStart` (`YYYY-MM-DD`): the same date N years later (29 Feb → 28 Feb). */
export function defaultTermEnd(kind: OrganizationKind, termStart: string): string | null {
  const years = DEFAULT_TERM_YEARS[kind];
  if (years === null) return null;
  return DateTime.fromISO(termStart, { zone: 'utc' }).plus({ years }).toISODate();
}
