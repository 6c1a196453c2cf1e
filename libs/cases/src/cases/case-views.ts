import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuthenticatedUser, Clock } from '@linli/platform';
import { CategoriesRepository } from '../categories/categories.repository';
import { DepartmentsRepository } from '../departments/departments.repository';
import { CHANNEL_DISPLAY, LEVEL_DISPLAY, OPEN_STATUSES, STATUS_DISPLAY, TYPE_DISPLAY } from './case-flow';
import { CaseRow } from './case-record';
import { CasesRepository } from './cases.repository';
import { CaseDto } from './dto/case.dto';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * Cases as clients see them, in a constant number of queries per page. An anonymous reporter is
 * shown to nobody but themselves, and the parties to a dispute only as a count: both through the
 * audited reveal.
 */
@Injectable()
export class CaseViews {
  constructor(
    private readonly cases: CasesRepository,
    private readonly categories: CategoriesRepository,
    private readonly departments: DepartmentsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly clock: Clock,
  ) {}

  async one(user: AuthenticatedUser, row: CaseRow): Promise<CaseDto> {
    return (await this.many(user, [row]))[0];
  }

  async many(user: AuthenticatedUser, rows: CaseRow[]): Promise<CaseDto[]> {
    const ids = rows.map((row) => row.id);
    const [categories, units, reporters, tasks] = await Promise.all([
      this.categories.byIds([...new Set(rows.map((row) => row.category_id))]),
      this.directory.units.byIds([...new Set(rows.flatMap((row) => [row.unit_id, row.level_unit_id]))]),
      this.cases.reporters(ids),
      this.cases.tasks(ids),
    ]);
    const departments = await this.departments.byIds([
      ...new Set([...tasks.values()].flat().map((task) => task.department_id)),
    ]);
    const shown = (row: CaseRow) =>
      row.reporter_person_id && (!row.anonymous || row.reporter_person_id === user.personId)
        ? row.reporter_person_id
        : undefined;
    const names = await this.directory.people.names(rows.flatMap((row) => shown(row) ?? []));
    const now = this.clock.now();
    return rows.map((row) => {
      const reporterId = shown(row);
      return {
        id: row.id,
        channel: row.channel,
        channelDisplay: CHANNEL_DISPLAY[row.channel],
        type: row.type,
        typeDisplay: TYPE_DISPLAY[row.type],
        categoryCode: categories.get(row.category_id)?.code ?? '',
        categoryName: categories.get(row.category_id)?.name ?? '',
        unitId: row.unit_id,
        unitName: units.get(row.unit_id)?.name ?? '',
        title: row.title,
        description: row.description,
        evidence: row.evidence,
        urgency: row.urgency,
        status: row.status,
        statusDisplay: STATUS_DISPLAY[row.status],
        level: row.level,
        levelDisplay: LEVEL_DISPLAY[row.level],
        levelUnitId: row.level_unit_id,
        levelUnitName: units.get(row.level_unit_id)?.name ?? '',
        handlerUserId: row.handler_user_id,
        reporter: reporterId ? { personId: reporterId, name: names.get(reporterId) ?? '' } : null,
        anonymous: row.anonymous,
        reporterCount: (reporters.get(row.id) ?? []).length,
        partyCount: row.party_person_ids.length,
        externalId: row.external_id,
        reportedAt: row.reported_at.toISOString(),
        responseDueAt: row.response_due_at.toISOString(),
        respondedAt: iso(row.responded_at),
        registeredAt: iso(row.registered_at),
        resolveDueAt: iso(row.resolve_due_at),
        levelDueAt: iso(row.level_due_at),
        overdue: Boolean(
          row.resolve_due_at && row.resolve_due_at <= now && [...OPEN_STATUSES, 'suspended'].includes(row.status),
        ),
        handledAt: iso(row.handled_at),
        closedAt: iso(row.closed_at),
        closedOnTime: row.closed_on_time,
        rejectReason: row.reject_reason,
        duplicateOfId: row.duplicate_of_id,
        reworkCount: row.rework_count,
        reopenCount: row.reopen_count,
        escalationCount: row.escalation_count,
        satisfaction: row.satisfaction,
        tasks: (tasks.get(row.id) ?? []).map((task) => ({
          id: task.id,
          departmentId: task.department_id,
          departmentName: departments.get(task.department_id)?.name ?? '',
          status: task.status,
          note: task.note,
          doneAt: iso(task.done_at),
        })),
      };
    });
  }
}
