import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { AuditContext } from './audit-context';
import { queryRows } from '../database/query-rows';

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

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const context = AuditContext.current();
    // Plain SQL: one INSERT on the hot write paths, in the caller's transaction when a manager is given.
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO audit_log (occurred_at, actor_user_id, action, target_type, target_id, unit_id, unit_path, request_id, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) RETURNING id`,
      [
        this.clock.now(),
        entry.actorUserId !== undefined ? entry.actorUserId : (context?.actorUserId ?? null),
        entry.action,
        entry.targetType,
        entry.targetId ?? null,
        entry.unitId ?? null,
        entry.unitPath ?? null,
        entry.requestId !== undefined ? entry.requestId : (context?.requestId ?? null),
        JSON.stringify(entry.data ?? {}),
      ],
    );
    return row.id;
  }
}
