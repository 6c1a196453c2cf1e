/** A publisher handed the outbox an event that breaks the envelope's rules: a programming error, not user input. */
export class InvalidDomainEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDomainEventError';
  }
}
