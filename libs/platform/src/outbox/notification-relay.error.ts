/** A batch of notification requests could not be queued; its rows stay unrelayed and are retried. */
export class NotificationRelayError extends Error {
  constructor(
    readonly requestCount: number,
    cause: unknown,
  ) {
    super(
      `could not queue ${requestCount} notification request(s): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'NotificationRelayError';
  }
}
