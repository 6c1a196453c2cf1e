import { Injectable } from '@nestjs/common';
import { AuditLog } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { PointsLedger } from '../ledger/points-ledger.service';
import { RedemptionRow } from './store-records';
import { StoreRepository } from './store.repository';

/**
 * Closes a reserved redemption as cancelled or expired: the debit is reversed (the points go back to
 * exactly the lots they came from) and the stock restored. The caller holds the redemption's row
 * lock and has checked it is still reserved, so this runs once per redemption.
 */
@Injectable()
export class RedemptionRefunds {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly audit: AuditLog,
    private readonly store: StoreRepository,
  ) {}

  async close(
    manager: EntityManager,
    row: RedemptionRow,
    status: 'cancelled' | 'expired',
    now: Date,
    actorUserId: string | null,
  ): Promise<void> {
    const verb = status === 'cancelled' ? '取消' : '过期退回';
    const reversal = await this.ledger.reverse(manager, row.debit_entry_id, {
      reason: `${verb}兑换「${row.reward_name}」×${row.quantity}`,
      actorUserId,
      occurredAt: now,
    });
    await this.store.restoreStock(manager, row.reward_id, row.quantity);
    await this.store.close(manager, row.id, status, now, reversal.entry?.id ?? null);
    await this.audit.record(
      {
        action: `points.redemption.${status}`,
        targetType: 'point_redemption',
        targetId: row.id,
        unitId: row.reward_unit_id,
        unitPath: row.reward_unit_path,
        data: {
          rewardId: row.reward_id,
          quantity: Number(row.quantity),
          points: Number(row.points),
          refundEntryId: reversal.entry?.id ?? null,
        },
        ...(actorUserId === null ? { actorUserId: null } : {}),
      },
      manager,
    );
  }
}
