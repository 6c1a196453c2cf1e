import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting and in which request: what the audit log records when an entry does not say. */
export interface AuditActor {
  requestId: string | null;
  actorUserId: string | null;
}

/**
 * The current request's audit context, carried by AsyncLocalStorage: set around every api handler
 * (by `AuditContextHook`), so services need not thread it through. Jobs may set their own.
 */
export class AuditContext {
  private static readonly storage = new AsyncLocalStorage<AuditActor>();

  static run<T>(actor: AuditActor, work: () => T): T {
    return AuditContext.storage.run(actor, work);
  }

  /** The request's caller, once the auth guard knows it: later audit entries of the request name them. */
  static identify(actorUserId: string): void {
    const current = AuditContext.storage.getStore();
    if (current) current.actorUserId = actorUserId;
  }

  static current(): AuditActor | undefined {
    return AuditContext.storage.getStore();
  }
}
