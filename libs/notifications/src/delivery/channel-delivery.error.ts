/** One or more channels failed this attempt; the queue retries the job (channels already sent are skipped). */
export class ChannelDeliveryError extends Error {
  constructor(
    readonly dedupeKey: string,
    readonly failures: string[],
  ) {
    super(`notification "${dedupeKey}" not delivered: ${failures.join('; ')}`);
    this.name = 'ChannelDeliveryError';
  }
}
