import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting and in which request: what the audit log records when an entry does not say. */
export interface AuditActor {
  requestId: string | null;
  actorUserId: string | null;
}

/**
 * The current request's audit context, carried by AsyncLocalStorage: set around every api handler
 * (by `AuditContextInterceptor`), so services need not thread it through. Jobs may set their own.
 */
export class AuditContext {
  private static readonly storage = new AsyncLocalStorage<AuditActor>();

  static run<T>(actor: AuditActor, work: () => T): T {
    return AuditContext.storage.run(actor, work);
  }

  static current(): AuditActor | undefined {
    return AuditContext.storage.getStore();
  }
}
