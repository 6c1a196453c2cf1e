/** A period key that cannot be used for a schedule (malformed, or of another granularity). */
export class InvalidPeriodError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPeriodError';
  }
}
