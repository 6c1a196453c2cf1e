/** A run was asked for a schedule this process does not know. */
export class UnknownScheduleError extends Error {
  constructor(
    readonly schedule: string,
    readonly known: string[],
  ) {
    super(`unknown schedule "${schedule}"; known schedules: ${known.join(', ') || '(none)'}`);
    this.name = 'UnknownScheduleError';
  }
}
