import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { AuditContext } from './audit-context';
import { AuditEntryEntity } from './audit-entry.entity';

/** What happened; actor and request id default to the current `AuditContext`. */
export interface AuditEntry {
  /** Dotted, past tense: `users.created`, `grants.revoked`, `pii.revealed`. */
  action: string;
  /** `user`, `person`, `redemption`… */
  targetType: string;
  targetId?: string | null;
  /** The unit the action concerns (its path decides who may read the entry); omit for deployment-wide actions. */
  unitId?: string | null;
  unitPath?: string | null;
  /** Facts worth keeping; never secrets or clear-text personal data. */
  data?: Record<string, unknown>;
  /** Overrides the context's actor (null = the system). */
  actorUserId?: string | null;
  requestId?: string | null;
}

/** The append-only audit log. Pass the command's `EntityManager` so the entry commits with the change. */
@Injectable()
export class AuditLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<string> {
    const context = AuditContext.current();
    const repository = (manager ?? this.dataSource.manager).getRepository(AuditEntryEntity);
    const saved = await repository.save(
      repository.create({
        occurredAt: this.clock.now(),
        actorUserId: entry.actorUserId !== undefined ? entry.actorUserId : (context?.actorUserId ?? null),
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        unitId: entry.unitId ?? null,
        unitPath: entry.unitPath ?? null,
        requestId: entry.requestId !== undefined ? entry.requestId : (context?.requestId ?? null),
        data: entry.data ?? {},
      }),
      // One INSERT: no transaction of its own (the caller's, when a manager is given).
      { transaction: false },
    );
    return saved.id;
  }
}
