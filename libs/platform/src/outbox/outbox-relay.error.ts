/** A relay batch could not be enqueued; its rows stay unrelayed and are retried. */
export class OutboxRelayError extends Error {
  constructor(
    readonly eventCount: number,
    cause: unknown,
  ) {
    super(
      `could not enqueue ${eventCount} outbox event(s): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'OutboxRelayError';
  }
}
