/** A job that can never be delivered as queued (malformed payload, unknown template): retrying cannot help. */
export class InvalidNotificationJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidNotificationJobError';
  }
}
