import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { DataSource } from 'typeorm';
import { PropertyAccess } from '../../access/property-access';
import { PropertyCode, PropertyException, selfAuthorization } from '../../property.exception';
import { acceptsBallots, BallotChannel, DecisionRecord, RollHead } from '../decision-record';
import { DecisionsCode, DecisionsException } from '../decisions.exception';
import { DecisionsRepository } from '../decisions.repository';
import { CastPropertyBallotDto } from '../dto/cast-property-ballot.dto';
import { PropertyBallotDto } from '../dto/property-ballot.dto';
import { toCenti, fromCenti } from '../electorate-counting';

/** Who votes for which head of the frozen roll, as the request resolves it. */
interface Voter {
  head: RollHead;
  ownerPersonId: string | null;
  channel: BallotChannel;
  evidence: string | null;
  proxyPersonId: string | null;
  recordedByUserId: string | null;
}

/**
 * `POST /property/decisions/:id/ballots`: one ballot per head of the frozen roll, weighted by the
 * head's frozen area; no re-voting.
 *
 * - `online` (default): the caller's own person is an owner in the head; co-owners share the one
 *   ballot (a second answers 409 `property.head-already-voted`).
 * - `paper` / `proxy`: staff (property.manage at the complex) record the ballot of `ownerPersonId`'s
 *   head with `evidence` (the signed sheet; for a proxy the written authorization, with
 *   `proxyPersonId` the person authorized). Without `ownerPersonId` they record the developer's
 *   head (its unsold and undelivered parts, which never vote online). Nobody records a ballot for a
 *   head they own part of, nor a proxy naming themselves (403 `property.self-authorization`).
 *
 * Only while open. Concurrent duplicates: `INSERT … ON CONFLICT (decision_id, head_key) DO NOTHING`
 * counts exactly one. The decision row is held `FOR KEY SHARE`, so a closing waits for ballots in flight.
 */
@Injectable()
export class CastPropertyBallotUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly access: PropertyAccess,
    private readonly decisions: DecisionsRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    decisionId: string,
    command: CastPropertyBallotDto,
  ): Promise<PropertyBallotDto> {
    const decision = await this.decisions.readOne(undefined, decisionId);
    if (!decision) throw new NotFoundProblem('该业主共同决定事项');
    const channel = command.channel ?? 'online';
    const voter =
      channel === 'online'
        ? await this.online(user, decision, command)
        : await this.staff(user, command, channel, decisionId);

    return this.transactions.run(async (manager) => {
      const locked = (await this.decisions.readOne(manager, decisionId, { lock: 'share' })) as DecisionRecord;
      const now = this.clock.now();
      if (!acceptsBallots(locked, now))
        throw new DecisionsException(DecisionsCode.DecisionNotOpen, {
          extensions: { opensAt: locked.opensAt.toISOString(), closesAt: locked.closesAt.toISOString() },
        });
      const inserted = await this.decisions.insertBallot(manager, {
        decisionId,
        headKey: voter.head.headKey,
        choice: command.choice,
        ownerPersonId: voter.ownerPersonId,
        channel,
        evidence: voter.evidence,
        proxyPersonId: voter.proxyPersonId,
        recordedByUserId: voter.recordedByUserId,
        castAt: now,
      });
      if (!inserted) throw new DecisionsException(DecisionsCode.HeadAlreadyVoted);
      if (channel !== 'online')
        await this.audit.record(
          {
            action: `property.${channel}-ballot-recorded`,
            targetType: 'property-decision',
            targetId: decisionId,
            unitId: locked.complexId,
            unitPath: locked.unitPath,
            data: {
              ownerPersonId: voter.ownerPersonId,
              developer: voter.head.developer,
              proxyPersonId: voter.proxyPersonId,
              evidence: voter.evidence,
            },
          },
          manager,
        );
      return {
        id: inserted.id,
        decisionId,
        choice: command.choice,
        channel,
        areaM2: fromCenti(toCenti(inserted.area)),
        castAt: now.toISOString(),
      };
    });
  }

  private async online(
    user: AuthenticatedUser,
    decision: DecisionRecord,
    command: CastPropertyBallotDto,
  ): Promise<Voter> {
    if (command.proxyPersonId) throw new DecisionsException(DecisionsCode.ProxyPerson);
    if (command.ownerPersonId !== undefined && command.ownerPersonId !== user.personId)
      throw new DecisionsException(DecisionsCode.BallotChannel);
    if (!user.personId) {
      await this.access.assertCanSee(user, decision.unitPath, '该业主共同决定事项');
      throw new PropertyException(PropertyCode.PersonNotLinked);
    }
    const heads = await this.decisions.headsOf(this.dataSource.manager, decision.id, user.personId);
    if (heads.length === 0) await this.access.assertCanSee(user, decision.unitPath, '该业主共同决定事项');
    return {
      head: this.pick(heads, command.headKey),
      ownerPersonId: user.personId,
      channel: 'online',
      evidence: null,
      proxyPersonId: null,
      recordedByUserId: null,
    };
  }

  private async staff(
    user: AuthenticatedUser,
    command: CastPropertyBallotDto,
    channel: BallotChannel,
    decisionId: string,
  ): Promise<Voter> {
    await this.references.reachOne(user, Permission.PropertyManage, 'decision', decisionId);
    const evidence = command.evidence?.trim();
    if (!evidence) throw new DecisionsException(DecisionsCode.EvidenceRequired);
    if ((channel === 'proxy') !== (command.proxyPersonId !== undefined))
      throw new DecisionsException(DecisionsCode.ProxyPerson);
    const manager = this.dataSource.manager;
    if (command.ownerPersonId)
      await this.references.reachOne(user, Permission.PropertyManage, 'person', command.ownerPersonId);
    if (command.proxyPersonId)
      await this.references.reachOne(user, Permission.PropertyManage, 'person', command.proxyPersonId);
    let head: RollHead;
    if (command.ownerPersonId) {
      head = this.pick(await this.decisions.headsOf(manager, decisionId, command.ownerPersonId), command.headKey);
    } else {
      const developer = await this.decisions.head(manager, decisionId, 'developer');
      if (!developer) throw new DecisionsException(DecisionsCode.NotOnRoll, { detail: '本次表决名册中没有建设单位' });
      head = developer;
    }
    if (user.personId) {
      const own = await this.decisions.headsOf(manager, decisionId, user.personId);
      if (own.some((mine) => mine.headKey === head.headKey))
        throw selfAuthorization('不能为本人所在的专有部分（户）代录选票');
      if (command.proxyPersonId === user.personId) throw selfAuthorization('不能登记以本人为受托人的委托投票');
    }
    return {
      head,
      ownerPersonId: command.ownerPersonId ?? null,
      channel,
      evidence,
      proxyPersonId: command.proxyPersonId ?? null,
      recordedByUserId: user.userId,
    };
  }

  /** The head voting among the person's heads: the one named, or the only one. */
  private pick(heads: RollHead[], headKey: string | undefined): RollHead {
    if (heads.length === 0) throw new DecisionsException(DecisionsCode.NotOnRoll);
    if (headKey !== undefined) {
      const named = heads.find((head) => head.headKey === headKey);
      if (!named) throw new DecisionsException(DecisionsCode.NotOnRoll, { detail: '您不是所指定户的业主' });
      return named;
    }
    if (heads.length > 1)
      throw new DecisionsException(DecisionsCode.HeadAmbiguous, {
        extensions: { heads: heads.map((head) => ({ key: head.headKey, areaM2: fromCenti(head.areaCenti) })) },
      });
    return heads[0];
  }
}
