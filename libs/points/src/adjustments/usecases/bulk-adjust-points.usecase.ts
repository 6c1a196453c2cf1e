import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthenticatedUser, Permission, TransactionRunner } from '@linli/platform';
import { PointsOwners } from '../../accounts/points-owners.service';
import { PointsLedger } from '../../ledger/points-ledger.service';
import { BulkAdjustmentDto } from '../dto/bulk-adjustment.dto';
import { BulkAdjustmentResultDto } from '../dto/bulk-adjustment-result.dto';
import { AdjustPointsUseCase } from './adjust-points.usecase';

/**
 * `POST /points/adjustments/bulk`: one amount and reason for many owners, all or nothing: every owner
 * must be known and in the caller's `points.adjust` scope (404 otherwise), and one deduction that
 * would overdraw refuses the whole batch (409 `points.insufficient`, naming the owner). Each owner
 * gets its own entry and audit entry. An owner that is the caller's own person (or the organization
 * they are the secretary of) refuses the whole batch (403 `points.self-authorization`).
 */
@Injectable()
export class BulkAdjustPointsUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly owners: PointsOwners,
    private readonly ledger: PointsLedger,
    private readonly adjust: AdjustPointsUseCase,
  ) {}

  async execute(user: AuthenticatedUser, command: BulkAdjustmentDto): Promise<BulkAdjustmentResultDto> {
    const bulkId = command.idempotencyKey ?? randomUUID();
    const applied = await this.transactions.run(async (manager) => {
      const located = await this.owners.reachable(
        user,
        Permission.PointsAdjust,
        command.owners.map((o) => ({ type: o.ownerType, id: o.ownerId })),
        manager,
      );
      this.owners.refuseSelf(user, located);
      await this.ledger.lockAccounts(
        manager,
        located.map(({ owner }) => ({ owner, kind: command.accountKind })),
      );
      const results = [];
      for (const owner of located) {
        results.push(
          await this.adjust.apply(manager, user, owner, {
            accountKind: command.accountKind,
            amount: command.amount,
            reason: command.reason,
            key: bulkId,
            bulkId,
          }),
        );
      }
      await this.adjust.notifyAwarded(manager, results);
      return results;
    });
    return { count: applied.length, items: applied.map((a) => a.dto) };
  }
}
