import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { addDays, COMMITTEE_RULES, committeeDueDates } from './committee-rules';
import { CommitteeRow, CommitteesRepository, MemberRow } from './committees.repository';
import { CommitteeFlagKind, PropertyCommitteeDto, PropertyCommitteeMemberDto } from './dto/property-committee.dto';

const OFFICE_DISPLAY = { chair: '主任', vice_chair: '副主任', member: '委员' } as const;

export const FLAG_DISPLAY: Record<CommitteeFlagKind, string> = {
  'officers-overdue': '选举后7日内未推选主任、副主任',
  'filing-overdue': '选举后30日内未备案',
  'change-report-overdue': '变更后30日内未报告',
  'term-ending': '任期将在90日内届满，应组织换届',
};

function officeOf(committee: CommitteeRow, personId: string): PropertyCommitteeMemberDto['office'] {
  if (committee.chair_person_id === personId) return 'chair';
  if (committee.vice_chair_person_id === personId) return 'vice_chair';
  return 'member';
}

/** Committees as the API shows them: members by name and office, changes, flags, deadlines; a constant number of queries per page. */
@Injectable()
export class CommitteeViews {
  constructor(
    private readonly committees: CommitteesRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  async views(manager: EntityManager | undefined, rows: CommitteeRow[]): Promise<PropertyCommitteeDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [members, changes, flags, complexes] = await Promise.all([
      this.committees.members(manager, ids),
      this.committees.changes(manager, ids),
      this.committees.flags(manager, ids),
      this.directory.units.byIds(
        rows.map((row) => row.complex_id),
        manager,
      ),
    ]);
    const names = await this.directory.people.names(
      members.map((member) => member.person_id),
      manager,
    );
    const of = <T extends { committee_id: string }>(list: T[], id: string) =>
      list.filter((item) => item.committee_id === id);
    return rows.map((row) => {
      const due = committeeDueDates(row.elected_on);
      const byCurrentFirst = (a: MemberRow, b: MemberRow) => Number(a.left_on !== null) - Number(b.left_on !== null);
      return {
        id: row.id,
        complexId: row.complex_id,
        title: `${complexes.get(row.complex_id)?.name ?? ''}业主委员会`,
        electionDecisionId: row.election_decision_id,
        electedOn: row.elected_on,
        termEndsOn: row.term_ends_on,
        status: row.status,
        endedOn: row.ended_on,
        chairPersonId: row.chair_person_id,
        viceChairPersonId: row.vice_chair_person_id,
        officersChosenOn: row.officers_chosen_on,
        filedOn: row.filed_on,
        filingReference: row.filing_reference,
        deadlines: {
          officersDueOn: due.officers,
          filingDueOn: due.filing,
          termWarningFrom: addDays(row.term_ends_on, -COMMITTEE_RULES.termWarningDays),
        },
        members: of(members, row.id)
          .sort(byCurrentFirst)
          .map((member) => {
            const office = member.left_on === null ? officeOf(row, member.person_id) : 'member';
            return {
              personId: member.person_id,
              name: names.get(member.person_id) ?? '',
              office,
              officeDisplay: OFFICE_DISPLAY[office],
              joinedOn: member.joined_on,
              leftOn: member.left_on,
            };
          }),
        changes: of(changes, row.id).map((change) => ({
          id: change.id,
          description: change.description,
          changedOn: change.changed_on,
          reportDueOn: addDays(change.changed_on, COMMITTEE_RULES.changeReportDays),
          reportedOn: change.reported_on,
        })),
        flags: of(flags, row.id).map((flag) => ({
          kind: flag.kind as CommitteeFlagKind,
          kindDisplay: FLAG_DISPLAY[flag.kind as CommitteeFlagKind],
          subjectId: flag.subject_id,
          dueOn: flag.due_on,
          flaggedAt: flag.flagged_at.toISOString(),
          resolvedAt: flag.resolved_at ? flag.resolved_at.toISOString() : null,
        })),
      };
    });
  }

  async view(manager: EntityManager | undefined, row: CommitteeRow): Promise<PropertyCommitteeDto> {
    return (await this.views(manager, [row]))[0];
  }
}
