import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { queryRows } from '../database/query-rows';
import { RoleGrantEntity } from './entities/role-grant.entity';
import { UserEntity } from './entities/user.entity';
import { Role } from './roles';

/** Why a grant is made or revoked on another domain's behalf (kept in the audit entry's data). */
export type GrantCause = Record<string, string>;

/**
 * Grants that follow another domain's records (a staff role brings its scope grant), written in the
 * caller's transaction and audited like any other grant (`grants.created`, `grants.revoked`). No
 * lib but the kernel writes `role_grants`.
 */
@Injectable()
export class RoleGrants {
  constructor(private readonly audit: AuditLog) {}

  /**
   * Grants `role` at the unit to the account linked to `personId`. Null when the person has no
   * account, or the account already holds that role there (that grant stays the hand-made one).
   */
  async grantToPerson(
    manager: EntityManager,
    input: { personId: string; role: Role; unitId: string; unitPath: string; createdBy: string; cause: GrantCause },
  ): Promise<{ grantId: string; userId: string } | null> {
    const account = await manager
      .getRepository(UserEntity)
      .findOne({ select: { id: true }, where: { personId: input.personId } });
    if (!account) return null;
    const granted = await manager
      .createQueryBuilder()
      .insert()
      .into(RoleGrantEntity)
      .values({
        userId: account.id,
        role: input.role,
        unitId: input.unitId,
        unitPath: input.unitPath,
        createdBy: input.createdBy,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const grantId = (granted.raw as { id: string }[])[0]?.id;
    if (!grantId) return null;
    await this.audit.record(
      {
        action: 'grants.created',
        targetType: 'user',
        targetId: account.id,
        unitId: input.unitId,
        unitPath: input.unitPath,
        data: { grantId, role: input.role, ...input.cause },
      },
      manager,
    );
    return { grantId, userId: account.id };
  }

  /**
   * The other active deployment-wide administrator grants, locked FOR UPDATE so that two concurrent
   * revocations cannot remove the last two.
   */
  async lockOtherDeploymentAdmins(manager: EntityManager, exceptGrantId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT g.id FROM role_grants g JOIN users u ON u.id = g.user_id
        WHERE g.role = 'admin' AND g.unit_id IS NULL AND u.is_active AND g.id <> $1
        FOR UPDATE OF g`,
      [exceptGrantId],
    );
    return rows.map((row) => row.id);
  }

  /** Revokes the grant if it still exists (it may have been revoked by hand already); audited. */
  async revoke(manager: EntityManager, grantId: string, cause: GrantCause): Promise<void> {
    const grants = manager.getRepository(RoleGrantEntity);
    const grant = await grants.findOne({ where: { id: grantId }, lock: { mode: 'pessimistic_write' } });
    if (!grant) return;
    await grants.delete({ id: grant.id });
    await this.audit.record(
      {
        action: 'grants.revoked',
        targetType: 'user',
        targetId: grant.userId,
        unitId: grant.unitId,
        unitPath: grant.unitPath,
        data: { grantId: grant.id, role: grant.role, ...cause },
      },
      manager,
    );
  }
}
