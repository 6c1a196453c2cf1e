import { QueryFailedError } from 'typeorm';

type DriverError = QueryFailedError & { code?: string; constraint?: string };

/** A unique key was violated (optionally: this one). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error as DriverError;
  return driver.code === '23505' && (constraint === undefined || driver.constraint === constraint);
}

/** The constraint a unique violation names, if `error` is one. */
export function uniqueViolationConstraint(error: unknown): string | undefined {
  return isUniqueViolation(error) ? (error as DriverError).constraint : undefined;
}

/** A foreign key still points at a row being deleted (or at a missing row). */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as DriverError).code === '23503';
}
