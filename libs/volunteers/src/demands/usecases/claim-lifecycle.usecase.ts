import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, TransactionRunner } from '@linli/platform';
import { MAX_CLAIM_EXTENSIONS } from '../demand-kind';
import { DemandAccess } from '../demand-access.service';
import { DemandsCode, DemandsException } from '../demands.exception';
import { DemandsRepository } from '../demands.repository';
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
    private readonly repository: DemandsRepository,
    private readonly audit: AuditLog,
    private readonly demands: DemandsQuery,
  ) {}

  release(user: AuthenticatedUser, id: string): Promise<DemandDetailDto> {
    return this.transactions.run(async (manager) => {
      const demand = await this.access.load(manager, user, id, { lock: true });
      this.access.assertClaimantSide(demand);
      if (demand.row.status !== 'claimed' || demand.row.claim_id === null)
        throw DemandsException.wrongState(demand.row.status, '放弃认领');
      await this.repository.endClaim(manager, demand.row.claim_id, 'released');
      await this.repository.setStatus(manager, id, 'open');
      await this.audit.record(
        {
          action: 'volunteers.demand-claim-released',
          targetType: 'volunteer-demand',
          targetId: id,
          unitId: demand.row.unit_id,
          unitPath: demand.row.unit_path,
          data: { claimId: demand.row.claim_id },
        },
        manager,
      );
      return this.demands.detail(manager, id);
    });
  }

  extend(user: AuthenticatedUser, id: string): Promise<DemandDetailDto> {
    return this.transactions.run(async (manager) => {
      const demand = await this.access.load(manager, user, id, { lock: true });
      this.access.assertClaimantSide(demand);
      if (demand.row.status !== 'claimed' || demand.row.claim_id === null)
        throw DemandsException.wrongState(demand.row.status, '延长认领期限');
      const expiresAt = await this.repository.extendClaim(
        manager,
        demand.row.claim_id,
        demand.row.claim_hours,
        MAX_CLAIM_EXTENSIONS,
      );
      if (!expiresAt)
        throw new DemandsException(DemandsCode.ExtensionLimit, { extensions: { max: MAX_CLAIM_EXTENSIONS } });
      await this.audit.record(
        {
          action: 'volunteers.demand-claim-extended',
          targetType: 'volunteer-demand',
          targetId: id,
          unitId: demand.row.unit_id,
          unitPath: demand.row.unit_path,
          data: { claimId: demand.row.claim_id, expiresAt: expiresAt.toISOString() },
        },
        manager,
      );
      return this.demands.detail(manager, id);
    });
  }
}
