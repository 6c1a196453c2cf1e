import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { PropertyAccess } from '../access/property-access';
import { selfAuthorization } from '../property.exception';
import { CommitteeViews } from './committee-views';
import { CommitteesCode, CommitteesException } from './committees.exception';
import { CommitteeRow, CommitteesRepository } from './committees.repository';
import {
  ChoosePropertyCommitteeOfficersDto,
  FilePropertyCommitteeDto,
  RecordPropertyCommitteeChangeDto,
  ReportPropertyCommitteeChangeDto,
} from './dto/committee-records.dto';
import { PropertyCommitteeDto } from './dto/property-committee.dto';

interface Recorded {
  action: string;
  data: Record<string, unknown>;
}

/**
 * What happens to a committee after its election: officers chosen (resolves the 7-day flag), filing
 * (the 30-day flag), changes of members and their report (the change's 30-day flag). Each under the
 * committee's row lock, audited. Officers and changes need property.manage; filing and change reports
 * are the street's acceptance: property.decide. Nobody records themselves into an office.
 */
@Injectable()
export class CommitteeRecords {
  constructor(
    private readonly references: ScopedReferences,
    private readonly transactions: TransactionRunner,
    private readonly committees: CommitteesRepository,
    private readonly views: CommitteeViews,
    private readonly access: PropertyAccess,
    private readonly calendar: BusinessCalendar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  chooseOfficers(user: AuthenticatedUser, id: string, body: ChoosePropertyCommitteeOfficersDto) {
    const officers = [body.chairPersonId, body.viceChairPersonId];
    if (user.personId && officers.includes(user.personId))
      throw selfAuthorization('不能登记本人为业主委员会主任或副主任，请由其他工作人员办理');
    return this.record(user, id, Permission.PropertyManage, async (manager, committee, today) => {
      const current = await this.currentMembers(manager, committee.id);
      if (body.chairPersonId === body.viceChairPersonId || !officers.every((personId) => current.has(personId)))
        throw new CommitteesException(CommitteesCode.OfficersNotMembers);
      const first = committee.officers_chosen_on === null;
      await this.committees.setOfficers(manager, committee.id, { ...body, on: today });
      if (first)
        await this.committees.resolveFlag(manager, committee.id, 'officers-overdue', committee.id, this.clock.now());
      else
        await this.committees.insertChange(manager, {
          committeeId: committee.id,
          description: '主任、副主任变更',
          changedOn: today,
          userId: user.userId,
          now: this.clock.now(),
        });
      return { action: 'property.committee-officers-chosen', data: { ...body, first } };
    });
  }

  file(user: AuthenticatedUser, id: string, body: FilePropertyCommitteeDto) {
    return this.record(user, id, Permission.PropertyDecide, async (manager, committee, today) => {
      if (committee.filed_on) throw new CommitteesException(CommitteesCode.CommitteeFiled);
      this.assertDate(body.filedOn, committee, today);
      await this.committees.file(manager, committee.id, body.filedOn, body.filingReference.trim());
      await this.committees.resolveFlag(manager, committee.id, 'filing-overdue', committee.id, this.clock.now());
      return { action: 'property.committee-filed', data: { filedOn: body.filedOn } };
    });
  }

  recordChange(user: AuthenticatedUser, id: string, body: RecordPropertyCommitteeChangeDto) {
    const leaving = body.leavingPersonIds ?? [];
    const joining = body.joiningPersonIds ?? [];
    if (user.personId && joining.includes(user.personId))
      throw selfAuthorization('不能登记本人为业主委员会新任委员，请由其他工作人员办理');
    return this.record(user, id, Permission.PropertyManage, async (manager, committee, today) => {
      this.assertDate(body.changedOn, committee, today);
      const current = await this.currentMembers(manager, committee.id);
      const owners = await this.access.ownersAmong(committee.complex_id, joining, manager);
      const remaining = current.size - leaving.length + joining.length;
      if (
        !leaving.every((personId) => current.has(personId)) ||
        !joining.every((personId) => owners.has(personId) && !current.has(personId) && !leaving.includes(personId)) ||
        remaining > 11
      )
        throw new CommitteesException(CommitteesCode.ChangeMembers, { extensions: { remaining } });
      if (leaving.length > 0) await this.committees.leave(manager, committee.id, leaving, body.changedOn);
      if (joining.length > 0) await this.committees.join(manager, committee.id, joining, body.changedOn);
      const changeId = await this.committees.insertChange(manager, {
        committeeId: committee.id,
        description: body.description.trim(),
        changedOn: body.changedOn,
        userId: user.userId,
        now: this.clock.now(),
      });
      return { action: 'property.committee-changed', data: { changeId, leaving, joining, remaining } };
    });
  }

  reportChange(user: AuthenticatedUser, id: string, changeId: string, body: ReportPropertyCommitteeChangeDto) {
    return this.record(user, id, Permission.PropertyDecide, async (manager, committee, today) => {
      const change = (await this.committees.changes(manager, [committee.id])).find((row) => row.id === changeId);
      if (!change) throw new NotFoundProblem('该业主委员会变更');
      if (change.reported_on) throw new CommitteesException(CommitteesCode.ChangeReported);
      if (body.reportedOn < change.changed_on || body.reportedOn > today)
        throw new CommitteesException(CommitteesCode.CommitteeDate, {
          extensions: { earliest: change.changed_on, latest: today },
        });
      await this.committees.reportChange(manager, committee.id, changeId, body.reportedOn);
      await this.committees.resolveFlag(manager, committee.id, 'change-report-overdue', changeId, this.clock.now());
      return { action: 'property.committee-change-reported', data: { changeId, reportedOn: body.reportedOn } };
    });
  }

  private async record(
    user: AuthenticatedUser,
    id: string,
    permission: Permission,
    apply: (manager: EntityManager, committee: CommitteeRow, today: string) => Promise<Recorded>,
  ): Promise<PropertyCommitteeDto> {
    await this.references.reachOne(user, permission, 'committee', id);
    return this.transactions.run(async (manager) => {
      const committee = (await this.committees.readOne(manager, id, true)) as CommitteeRow;
      if (committee.status !== 'active') throw new CommitteesException(CommitteesCode.CommitteeEnded);
      const { action, data } = await apply(manager, committee, this.calendar.localDate(this.clock.now()));
      await this.audit.record(
        {
          action,
          targetType: 'property-committee',
          targetId: id,
          unitId: committee.complex_id,
          unitPath: committee.unit_path,
          data,
        },
        manager,
      );
      return this.views.view(manager, (await this.committees.readOne(manager, id)) as CommitteeRow);
    });
  }

  private async currentMembers(manager: EntityManager, committeeId: string): Promise<Set<string>> {
    const members = await this.committees.members(manager, [committeeId]);
    return new Set(members.filter((member) => member.left_on === null).map((member) => member.person_id));
  }

  private assertDate(date: string, committee: CommitteeRow, today: string): void {
    if (date < committee.elected_on || date > today)
      throw new CommitteesException(CommitteesCode.CommitteeDate, {
        extensions: { earliest: committee.elected_on, latest: today },
      });
  }
}
