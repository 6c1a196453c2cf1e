import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditLog, AuthenticatedUser, Permission, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { LocatedOwner, PointsOwners } from '../../accounts/points-owners.service';
import { LedgerEntry } from '../../ledger/ledger-records';
import { PointsLedger } from '../../ledger/points-ledger.service';
import { AccountKind } from '../../ledger/points-owner';
import { PointsNotifier } from '../../notifications/points-notifier';
import { LedgerCode, LedgerException } from '../../ledger/ledger.exception';
import { AdjustmentDto } from '../dto/adjustment.dto';
import { CreateAdjustmentDto } from '../dto/create-adjustment.dto';

/** An adjustment for one owner, once the owner is located and in scope. */
export interface AdjustmentCommand {
  accountKind: AccountKind;
  amount: number;
  reason: string;
  /** The client's idempotency key (or a fresh one). */
  key: string;
  /** Kept in the audit entry of a bulk adjustment. */
  bulkId?: string;
}

/** A written adjustment, with what its owner's notice needs. */
export interface AppliedAdjustment {
  dto: AdjustmentDto;
  accountId: string;
  entry: LedgerEntry;
}

/**
 * `POST /points/adjustments`: awards or deducts points by hand with `points.adjust` where the owner
 * sits. The entry, its lots and the audit entry (`points.adjusted`) commit together; a deduction
 * never overdraws (409 `points.insufficient`); the same idempotency key answers the first result
 * (409 `points.idempotency-conflict` if the amount or reason differ). An awarded person is notified.
 * No one adjusts their own points, nor those of the organization they are the secretary of (403
 * `points.self-authorization`, nothing written).
 */
@Injectable()
export class AdjustPointsUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly owners: PointsOwners,
    private readonly ledger: PointsLedger,
    private readonly audit: AuditLog,
    private readonly notifier: PointsNotifier,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateAdjustmentDto): Promise<AdjustmentDto> {
    const key = command.idempotencyKey ?? randomUUID();
    const applied = await this.transactions.run(async (manager) => {
      const [owner] = await this.owners.reachable(
        user,
        Permission.PointsAdjust,
        [{ type: command.ownerType, id: command.ownerId }],
        manager,
      );
      this.owners.refuseSelf(user, [owner]);
      const adjustment = await this.apply(manager, user, owner, {
        accountKind: command.accountKind,
        amount: command.amount,
        reason: command.reason,
        key,
      });
      await this.notifyAwarded(manager, [adjustment]);
      return adjustment;
    });
    return applied.dto;
  }

  /** One adjustment in the caller's transaction (the owner located and in scope), audited unless it is a replay. */
  async apply(
    manager: EntityManager,
    user: AuthenticatedUser,
    located: LocatedOwner,
    command: AdjustmentCommand,
  ): Promise<AppliedAdjustment> {
    const base = {
      owner: located.owner,
      kind: command.accountKind,
      amount: Math.abs(command.amount),
      reason: command.reason,
      idempotencyKey: `adjust:${command.key}`,
      actorUserId: user.userId,
    };
    const written =
      command.amount > 0
        ? await this.ledger
            .credit(manager, base)
            .then((r) => ({ accountId: r.accountId, entry: r.entry as LedgerEntry, replayed: r.replayed }))
        : await this.ledger
            .debit(manager, base)
            .then((r) => ({ accountId: r.accountId, entry: r.entry, replayed: r.replayed }));
    const { entry } = written;
    if (written.replayed && (entry.amount !== command.amount || entry.reason !== command.reason))
      throw new LedgerException(LedgerCode.IdempotencyConflict);
    if (!written.replayed) {
      await this.audit.record(
        {
          action: 'points.adjusted',
          targetType: 'point_account',
          targetId: written.accountId,
          unitId: located.unitId,
          unitPath: located.unitPath,
          data: {
            ownerType: located.owner.type,
            ownerId: located.owner.id,
            accountKind: command.accountKind,
            amount: command.amount,
            reason: command.reason,
            entryId: entry.id,
            ...(command.bulkId ? { bulkId: command.bulkId } : {}),
          },
        },
        manager,
      );
    }
    const dto: AdjustmentDto = {
      entryId: entry.id,
      ownerType: located.owner.type,
      ownerId: located.owner.id,
      accountKind: command.accountKind,
      amount: entry.amount,
      balanceAfter: entry.balanceAfter,
      reason: entry.reason,
      occurredAt: entry.occurredAt.toISOString(),
      replayed: written.replayed,
    };
    return { dto, accountId: written.accountId, entry };
  }

  /**
   * In the adjustment's transaction: "您获得了 N 积分：reason" for every person awarded (not for
   * deductions or replays), sent once the adjustment commits.
   */
  notifyAwarded(manager: EntityManager, adjustments: AppliedAdjustment[]): Promise<void> {
    return this.notifier.earned(
      manager,
      adjustments
        .filter(({ dto }) => !dto.replayed && dto.amount > 0 && dto.ownerType === 'person')
        .map(({ dto, accountId, entry }) => ({
          personId: dto.ownerId,
          accountId,
          idempotencyKey: entry.idempotencyKey,
          points: dto.amount,
          reason: dto.reason,
        })),
    );
  }
}
