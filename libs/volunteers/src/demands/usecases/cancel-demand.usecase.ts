import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, TransactionRunner } from '@linli/platform';
import { DemandAccess } from '../demand-access.service';
import { DemandsException } from '../demands.exception';
import { DemandsRepository } from '../demands.repository';
import { DemandsQuery } from '../demands-query.service';
import { DemandDetailDto } from '../dto/demand.dto';

/**
 * `POST /volunteers/demands/:id/cancel`: the requester (or staff with volunteers.manage where the
 * demand is) withdraws an open or claimed demand; a live claim ends with it. A fulfilled demand
 * waits for the requester's confirm or reject instead (its points are pending). Audited.
 */
@Injectable()
export class CancelDemandUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: DemandAccess,
    private readonly repository: DemandsRepository,
    private readonly audit: AuditLog,
    private readonly demands: DemandsQuery,
  ) {}

  execute(user: AuthenticatedUser, id: string): Promise<DemandDetailDto> {
    return this.transactions.run(async (manager) => {
      const demand = await this.access.load(manager, user, id, { lock: true });
      this.access.assertRequesterSide(demand);
      if (demand.row.status !== 'open' && demand.row.status !== 'claimed')
        throw DemandsException.wrongState(demand.row.status, '取消');
      if (demand.row.claim_id) await this.repository.endClaim(manager, demand.row.claim_id, 'cancelled');
      await this.repository.setStatus(manager, id, 'cancelled');
      await this.audit.record(
        {
          action: 'volunteers.demand-cancelled',
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
}
