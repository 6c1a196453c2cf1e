import { QueryFailedError } from 'typeorm';

/**
 * Whether a failed statement violated the exclusion constraint `constraint` (SQLSTATE 23P01): a
 * person's live sign-ups or shift claims overlapping in time. The kernel's `isUniqueViolation`
 * covers unique keys only.
 */
export function isExclusionViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error as QueryFailedError & { code?: string; constraint?: string };
  return driver.code === '23P01' && driver.constraint === constraint;
}
