import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, AuthenticatedUser, Clock, TransactionRunner } from '@linli/platform';
import { ProposalDto } from '../dto/proposal.dto';
import { ProposalAccess } from '../proposal-access';
import { ProposalAdoption } from '../proposal-adoption';
import { ProposalRecord } from '../proposal-record';
import { ProposalViews } from '../proposal-views';
import { ProposalsCode, ProposalsException } from '../proposals.exception';
import { ProposalsRepository } from '../proposals.repository';

/**
 * `POST /deliberation/proposals/:id/cosign`: a resident living within the proposal's unit, not
 * the proposer, co-signs once while it collects. Co-signatures queue on the proposal's row lock,
 * so the one reaching the threshold is exactly one and adopts the proposal (it becomes a topic)
 * in its own transaction; any after it is refused as closed.
 */
@Injectable()
export class CosignProposalUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: OrganizationDirectory,
    private readonly access: ProposalAccess,
    private readonly proposals: ProposalsRepository,
    private readonly adoption: ProposalAdoption,
    private readonly views: ProposalViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, id: string): Promise<ProposalDto> {
    const { proposal: seen, personId } = await this.access.resident(user, id);
    if (seen.proposerPersonId === personId) throw new ProposalsException(ProposalsCode.CosignOwnProposal);

    return this.transactions.run(async (manager) => {
      // The tree lock before the row lock, in the order a subtree move takes them.
      const unit = await this.directory.units.anchor(manager, seen.unitId);
      const proposal = (await this.proposals.readOne(manager, id, { lock: true })) as ProposalRecord;
      if (proposal.status !== 'collecting') throw new ProposalsException(ProposalsCode.ProposalClosed);
      const now = this.clock.now();
      if (!(await this.proposals.addCosigner(manager, id, personId, now)))
        throw new ProposalsException(ProposalsCode.AlreadyCosigned);
      const cosigners = proposal.cosignerCount + 1;
      await this.audit.record(
        {
          action: 'deliberation.proposal-cosigned',
          targetType: 'deliberation-proposal',
          targetId: id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { cosigners, threshold: proposal.threshold },
        },
        manager,
      );
      if (cosigners === proposal.threshold) await this.adoption.adopt(manager, proposal, unit, cosigners, now);
      return this.views.one(user, (await this.proposals.readOne(manager, id)) as ProposalRecord, manager);
    });
  }
}
