/** A notification request the notifier could never deliver (a programming error): the caller's transaction fails. */
export class InvalidNotificationRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidNotificationRequestError';
  }
}
