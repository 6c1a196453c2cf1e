import { Injectable } from '@nestjs/common';
import { AuditLog, TransactionRunner } from '@linli/platform';
import { DemandsRepository } from '../demands.repository';
import { claimantRecipient, DemandsNotifier } from '../demands-notifier';
import { DemandJobsRepository } from './demand-jobs.repository';

/**
 * Releases claims past their lapse time while the demand is still claimed (a fulfilled demand waits
 * for its requester instead): the claim becomes `lapsed`, the demand open again, the claimant is
 * told. One transaction per demand, re-checked under the demand's row lock so that a fulfilment or a
 * release at the same moment wins cleanly.
 */
@Injectable()
export class LapsedClaims {
  constructor(
    private readonly demands: DemandsRepository,
    private readonly jobsRepository: DemandJobsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly notifier: DemandsNotifier,
  ) {}

  async releaseDue(now: Date): Promise<{ released: number }> {
    let released = 0;
    for (const demandId of await this.jobsRepository.lapsedClaimDemands(now)) {
      const lapsed = await this.transactions.run(async (manager) => {
        await this.demands.lock(manager, demandId);
        const claim = await this.jobsRepository.lapsingClaim(manager, demandId, now);
        if (!claim) return null;
        await this.demands.endClaim(manager, claim.claim_id, 'lapsed', now);
        await this.demands.setStatus(manager, demandId, 'open');
        await this.audit.record(
          {
            action: 'volunteers.demand-claim-lapsed',
            targetType: 'volunteer-demand',
            targetId: demandId,
            unitId: claim.unit_id,
            unitPath: claim.unit_path,
            actorUserId: null,
            data: { claimId: claim.claim_id },
          },
          manager,
        );
        await this.notifier.lapsed(manager, claimantRecipient(claim), claim.claim_id, claim.title);
        return claim;
      });
      if (!lapsed) continue;
      released += 1;
    }
    return { released };
  }
}
