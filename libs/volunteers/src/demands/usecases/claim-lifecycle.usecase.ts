import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, queryRows, TransactionRunner } from '@linli/platform';
import { MAX_CLAIM_EXTENSIONS } from '../demand-kind';
import { DemandAccess } from '../demand-access.service';
import { DemandsCode, DemandsException } from '../demands.exception';
import { DemandsQuery } from '../demands-query.service';
import { DemandDetailDto } from '../dto/demand.dto';

/**
 * The claimant's side of a live claim before fulfilment: `/release` gives the demand back (open
 * again), `/extend` pushes the lapse time by the demand's claim hours, at most
 * `MAX_CLAIM_EXTENSIONS` times. The claimant, or staff with volunteers.manage where the demand is. Audited.
 */
@Injectable()
export class ClaimLifecycleUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: DemandAccess,
    private readonly audit: AuditLog,
    private readonly demands: DemandsQuery,
  ) {}

  release(user: AuthenticatedUser, id: string): Promise<DemandDetailDto> {
    return this.transactions.run(async (manager) => {
      const demand = await this.access.load(manager, user, id, { lock: true });
      this.access.assertClaimantSide(demand);
      if (demand.row.status !== 'claimed' || demand.row.claim_id === null) throw DemandsException.wrongState(demand.row.status, '放弃认领');
      await manager.query(`UPDATE volunteer_demand_claims SET status = 'released', ended_at = now() WHERE id = $1`, [demand.row.claim_id]);
      await manager.query(`UPDATE volunteer_demands SET status = 'open', updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(
        { action: 'volunteers.demand-claim-released', targetType: 'volunteer-demand', targetId: id, unitId: demand.row.unit_id, unitPath: demand.row.unit_path, data: { claimId: demand.row.claim_id } },
        manager,
      );
      return this.demands.detail(manager, id);
    });
  }

  extend(user: AuthenticatedUser, id: string): Promise<DemandDetailDto> {
    return this.transactions.run(async (manager) => {
      const demand = await this.access.load(manager, user, id, { lock: true });
      this.access.assertClaimantSide(demand);
      if (demand.row.status !== 'claimed' || demand.row.claim_id === null) throw DemandsException.wrongState(demand.row.status, '延长认领期限');
      const [extended] = await queryRows<{ expires_at: Date }>(
        manager,
        `UPDATE volunteer_demand_claims SET expires_at = expires_at + make_interval(hours => $2), extensions = extensions + 1
          WHERE id = $1 AND status = 'live' AND extensions < $3 RETURNING expires_at`,
        [demand.row.claim_id, demand.row.claim_hours, MAX_CLAIM_EXTENSIONS],
      );
      if (!extended) throw new DemandsException(DemandsCode.ExtensionLimit, { extensions: { max: MAX_CLAIM_EXTENSIONS } });
      await this.audit.record(
        {
          action: 'volunteers.demand-claim-extended',
          targetType: 'volunteer-demand',
          targetId: id,
          unitId: demand.row.unit_id,
          unitPath: demand.row.unit_path,
          data: { claimId: demand.row.claim_id, expiresAt: new Date(extended.expires_at).toISOString() },
        },
        manager,
      );
      return this.demands.detail(manager, id);
    });
  }
}
