import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  Outbox,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { PropertyAccess } from '../../access/property-access';
import { DecisionRecord } from '../../decisions/decision-record';
import { DecisionsRepository } from '../../decisions/decisions.repository';
import { PropertyEvent } from '../../property-events';
import { selfAuthorization } from '../../property.exception';
import { PropertySettings } from '../../settings/property-settings.service';
import { addYears, COMMITTEE_RULES, isLawfulSize, minimumMembers } from '../committee-rules';
import { CommitteeViews } from '../committee-views';
import { CommitteesCode, CommitteesException } from '../committees.exception';
import { CommitteesRepository } from '../committees.repository';
import { ElectPropertyCommitteeDto } from '../dto/elect-property-committee.dto';
import { PropertyCommitteeDto } from '../dto/property-committee.dto';

/**
 * `POST /property/committees` (property.manage at the complex): records the owners' committee a
 * closed, passed `committee_election` decision elected, on the day it closed. Members: an odd number
 * from 5 (a small complex's minimum per the deployment's settings) to 11, all owners of the complex
 * now (指导规则 第三十一条). The complex's previous committee ends that day. One committee per
 * election even under concurrent requests; elections at one complex are serialized. Publishes
 * `property.committee.elected`; audited. Nobody records a committee they are elected to.
 */
@Injectable()
export class ElectPropertyCommitteeUseCase {
  constructor(
    private readonly references: ScopedReferences,
    private readonly transactions: TransactionRunner,
    private readonly decisions: DecisionsRepository,
    private readonly committees: CommitteesRepository,
    private readonly views: CommitteeViews,
    private readonly access: PropertyAccess,
    private readonly settings: PropertySettings,
    private readonly directory: OrganizationDirectory,
    private readonly calendar: BusinessCalendar,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, body: ElectPropertyCommitteeDto): Promise<PropertyCommitteeDto> {
    await this.references.reachOne(user, Permission.PropertyManage, 'decision', body.electionDecisionId);
    const members = body.memberPersonIds;
    if (user.personId && members.includes(user.personId))
      throw selfAuthorization('不能登记本人当选的业主委员会，请由其他工作人员办理');
    return this.transactions.run(async (manager) => {
      const decision = (await this.decisions.readOne(manager, body.electionDecisionId, {
        lock: 'share',
      })) as DecisionRecord;
      if (decision.matter !== 'committee_election') throw new CommitteesException(CommitteesCode.NotAnElection);
      if (decision.status !== 'closed' || decision.result?.outcome !== 'passed' || !decision.closedAt)
        throw new CommitteesException(CommitteesCode.ElectionNotPassed, {
          extensions: { decisionStatus: decision.status, outcome: decision.result?.outcome ?? 'open' },
        });
      await this.assertMembers(manager, decision, members);

      const now = this.clock.now();
      const electedOn = this.calendar.localDate(decision.closedAt);
      await this.committees.lockComplex(manager, decision.complexId);
      const previous = await this.committees.lockActive(manager, decision.complexId);
      if (previous?.election_decision_id === decision.id)
        throw new CommitteesException(CommitteesCode.CommitteeExists, { extensions: { committeeId: previous.id } });
      if (previous && previous.elected_on > electedOn)
        throw new CommitteesException(CommitteesCode.NewerCommitteeExists, {
          extensions: { committeeId: previous.id },
        });
      if (previous) await this.committees.end(manager, previous.id, electedOn, now);

      const id = await this.committees.insert(manager, {
        complexId: decision.complexId,
        unitPath: decision.unitPath,
        electionDecisionId: decision.id,
        electedOn,
        termEndsOn: addYears(electedOn, body.termYears ?? COMMITTEE_RULES.maximumTermYears),
        userId: user.userId,
        now,
      });
      if (!id) throw new CommitteesException(CommitteesCode.CommitteeExists);
      await this.committees.join(manager, id, members, electedOn);

      const view = await this.views.view(manager, (await this.committees.readOne(manager, id))!);
      await this.outbox.publish(manager, {
        type: PropertyEvent.CommitteeElected,
        unitId: decision.complexId,
        actors: members.map((personId) => ({ personId, role: 'member' })),
        data: { committeeId: id, title: view.title, electionDecisionId: decision.id, members },
      });
      await this.audit.record(
        {
          action: 'property.committee-elected',
          targetType: 'property-committee',
          targetId: id,
          unitId: decision.complexId,
          unitPath: decision.unitPath,
          data: { electionDecisionId: decision.id, members: members.length, replaced: previous?.id ?? null },
        },
        manager,
      );
      return view;
    });
  }

  private async assertMembers(manager: EntityManager, decision: DecisionRecord, members: string[]): Promise<void> {
    const minimum = minimumMembers(decision.electorateHeads, {
      heads: await this.settings.value('committee.small-complex-heads', manager),
      minimum: await this.settings.value('committee.small-complex-minimum', manager),
    });
    if (!isLawfulSize(members.length, minimum))
      throw new CommitteesException(CommitteesCode.CommitteeSize, {
        extensions: { members: members.length, minimum, maximum: COMMITTEE_RULES.maximumMembers, odd: true },
      });
    const owners = await this.access.ownersAmong(decision.complexId, members, manager);
    const notOwners = members.filter((personId) => !owners.has(personId));
    if (notOwners.length > 0)
      throw new CommitteesException(CommitteesCode.MemberNotOwner, { extensions: { personIds: notOwners } });
  }
}
