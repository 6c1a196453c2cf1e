import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, TransactionRunner } from '@linli/platform';
import { ProposalDto } from '../dto/proposal.dto';
import { ProposalAccess } from '../proposal-access';
import { ProposalRecord } from '../proposal-record';
import { ProposalViews } from '../proposal-views';
import { ProposalsCode, ProposalsException } from '../proposals.exception';
import { ProposalsRepository } from '../proposals.repository';

/** `POST /deliberation/proposals/:id/withdraw`: the proposer withdraws it while it collects co-signatures. */
@Injectable()
export class WithdrawProposalUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ProposalAccess,
    private readonly proposals: ProposalsRepository,
    private readonly views: ProposalViews,
    private readonly audit: AuditLog,
  ) {}

  async execute(user: AuthenticatedUser, id: string): Promise<ProposalDto> {
    const seen = await this.access.visible(user, id);
    if (!user.personId || seen.proposerPersonId !== user.personId)
      throw new ProposalsException(ProposalsCode.ProposerOnly);

    return this.transactions.run(async (manager) => {
      const proposal = (await this.proposals.readOne(manager, id, { lock: true })) as ProposalRecord;
      if (proposal.status !== 'collecting') throw new ProposalsException(ProposalsCode.ProposalClosed);
      await this.proposals.markWithdrawn(manager, id);
      await this.audit.record(
        {
          action: 'deliberation.proposal-withdrawn',
          targetType: 'deliberation-proposal',
          targetId: id,
          unitId: proposal.unitId,
          unitPath: proposal.unitPath,
          data: { cosigners: proposal.cosignerCount },
        },
        manager,
      );
      return this.views.one(user, (await this.proposals.readOne(manager, id)) as ProposalRecord, manager);
    });
  }
}
