import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, Permission, ScopedReferences, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { ConventionAccess } from '../convention-access';
import { ConventionRecord, ConventionVote } from '../convention-record';
import { ConventionViews } from '../convention-views';
import { ConventionVoteRule } from '../convention-vote-rule';
import { ConventionsCode, ConventionsException } from '../conventions.exception';
import { ConventionsRepository } from '../conventions.repository';
import { ConventionDto } from '../dto/convention.dto';

/**
 * `POST /deliberation/conventions/:id/adopt { voteId }` and `…/reject { voteId }`: after the public
 * comment period, the closed vote on the convention decides. Adoption needs a residents' or
 * representatives' vote passed by two-thirds; the version in force is superseded and this one
 * adopted in one transaction (one in force per community). A vote that does not adopt may reject it.
 */
@Injectable()
export class DecideConventionUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ConventionAccess,
    private readonly references: ScopedReferences,
    private readonly conventions: ConventionsRepository,
    private readonly views: ConventionViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  adopt(user: AuthenticatedUser, id: string, voteId: string): Promise<ConventionDto> {
    return this.decide(user, id, voteId, async (manager, convention, vote, now) => {
      const fault = ConventionVoteRule.adoptionFault(vote);
      if (fault) throw ConventionVoteRule.invalid(fault);
      const inForce = await this.conventions.inForce(manager, convention.unitId);
      await this.conventions.adopt(manager, id, vote.id, now, inForce?.id ?? null);
      await this.record(manager, 'deliberation.convention-adopted', convention, {
        voteId: vote.id,
        supersededId: inForce?.id ?? null,
      });
    });
  }

  reject(user: AuthenticatedUser, id: string, voteId: string): Promise<ConventionDto> {
    return this.decide(user, id, voteId, async (manager, convention, vote) => {
      if (!ConventionVoteRule.adoptionFault(vote))
        throw ConventionVoteRule.invalid({ reason: 'adopts', detail: '该表决已通过本公约，请办理通过而非否决' });
      await this.conventions.reject(manager, id, vote.id);
      await this.record(manager, 'deliberation.convention-rejected', convention, { voteId: vote.id });
    });
  }

  private async decide(
    user: AuthenticatedUser,
    id: string,
    voteId: string,
    apply: (manager: EntityManager, convention: ConventionRecord, vote: ConventionVote, now: Date) => Promise<void>,
  ): Promise<ConventionDto> {
    await this.access.staff(user, Permission.DeliberationDecide, id);
    await this.references.reachOne(user, Permission.DeliberationDecide, 'vote', voteId);
    return this.transactions.run(async (manager) => {
      const seen = (await this.conventions.readOne(manager, id)) as ConventionRecord;
      // Adoptions of one community's versions queue here: the one in force is superseded exactly once.
      await this.conventions.lockCommunity(manager, seen.unitId);
      const convention = (await this.conventions.readOne(manager, id, { lock: true })) as ConventionRecord;
      const now = this.clock.now();
      if (convention.status === 'draft' || !convention.commentEndsAt || now < convention.commentEndsAt)
        throw new ConventionsException(ConventionsCode.CommentPeriod, {
          extensions: { commentEndsAt: convention.commentEndsAt?.toISOString() ?? null },
        });
      if (convention.status !== 'commenting' && convention.status !== 'voting')
        throw new ConventionsException(ConventionsCode.Status, { detail: '该版本公约已表决' });
      const vote = ConventionVoteRule.assertDecides(convention, await this.conventions.vote(manager, voteId));
      await apply(manager, convention, vote, now);
      return this.views.one((await this.conventions.readOne(manager, id)) as ConventionRecord, manager);
    });
  }

  private async record(
    manager: EntityManager,
    action: string,
    convention: ConventionRecord,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        targetType: 'deliberation-convention',
        targetId: convention.id,
        unitId: convention.unitId,
        unitPath: convention.unitPath,
        data: { version: convention.version, ...data },
      },
      manager,
    );
  }
}
