import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { BusinessCalendar } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { MeetingDetailDto, MeetingDto, QuorumStatusDto } from './dto/meeting.dto';
import { MinutesDto } from './dto/minutes.dto';
import { MEETING_KIND_DEFINITIONS, requiredPresent } from './meeting-kinds';
import { MeetingRecord, MinutesRecord } from './meeting-record';
import { MeetingsRepository } from './meetings.repository';

/**
 * Meetings as the api shows them: with their unit's and chair's names, and in detail the agenda
 * with topic titles, the attendance count, the quorum computed for the kind, and the minutes.
 */
@Injectable()
export class MeetingViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly meetings: MeetingsRepository,
    private readonly calendar: BusinessCalendar,
  ) {}

  async list(records: MeetingRecord[], manager: EntityManager = this.dataSource.manager): Promise<MeetingDto[]> {
    // One after the other: inside a transaction the manager is a single connection.
    const units = await this.directory.units.byIds(
      records.map((m) => m.unitId),
      manager,
    );
    const organizations = await this.directory.organizations.byIds(
      records.flatMap((m) => m.chairOrganizationId ?? []),
      manager,
    );
    return records.map((m) => ({
      id: m.id,
      unitId: m.unitId,
      unitName: units.get(m.unitId)?.name ?? '',
      kind: m.kind,
      displayKind: MEETING_KIND_DEFINITIONS[m.kind].displayName,
      title: m.title,
      location: m.location,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      status: m.status,
      chairOrganizationId: m.chairOrganizationId,
      chairOrganizationName: m.chairOrganizationId ? (organizations.get(m.chairOrganizationId)?.name ?? null) : null,
      createdAt: m.createdAt.toISOString(),
    }));
  }

  async detail(meeting: MeetingRecord, manager: EntityManager = this.dataSource.manager): Promise<MeetingDetailDto> {
    const [base] = await this.list([meeting], manager);
    const agenda = await this.meetings.agenda(manager, meeting.id);
    const attendees = await this.meetings.attendeeIds(manager, meeting.id);
    const minutes = await this.meetings.minutes(manager, meeting.id);
    return {
      ...base,
      agenda,
      attendanceCount: attendees.length,
      quorum: await this.quorum(meeting, attendees, manager),
      minutes: minutes ? MeetingViews.minutes(minutes) : null,
    };
  }

  static minutes(minutes: MinutesRecord): MinutesDto {
    return {
      summary: minutes.summary,
      decisions: minutes.decisions.map((d) => ({ topicId: d.topicId, decision: d.decision, adopted: d.adopted })),
      followUps: minutes.followUps.map((f) => ({ task: f.task, owner: f.owner, dueOn: f.dueOn ?? null })),
      attendeeCount: minutes.attendeeCount,
      recordedAt: minutes.recordedAt.toISOString(),
    };
  }

  /**
   * The quorum for the kind. A residents' meeting counts the unit's adult residents on the meeting's
   * date (met when more than half are present) or, failing that, its households (more than half of
   * them represented); a representatives' meeting counts the representatives serving that day and
   * those of them present; the consultative forms have none (always met).
   */
  private async quorum(meeting: MeetingRecord, attendees: string[], manager: EntityManager): Promise<QuorumStatusDto> {
    const { quorum } = MEETING_KIND_DEFINITIONS[meeting.kind];
    const date = this.calendar.localDate(meeting.startsAt);
    const status = (basis: string, base: number, present: number): QuorumStatusDto => {
      const required = requiredPresent(quorum.rule, base);
      return { rule: quorum.rule, basis, base, present, required, met: present >= required, source: quorum.source };
    };
    if (quorum.base === 'representatives') {
      const representatives = new Set(await this.meetings.representativesWithin(manager, meeting.unitPath, date));
      return status('representatives', representatives.size, attendees.filter((id) => representatives.has(id)).length);
    }
    if (quorum.base === 'adult_residents_or_households') {
      const electorate = await this.directory.people.electorate(meeting.unitPath, date, manager);
      const electors = new Map(electorate.map((e) => [e.personId, e.householdKey]));
      const present = attendees.filter((id) => electors.has(id));
      const residents = status('adult_residents', electors.size, present.length);
      if (residents.met) return residents;
      const households = status(
        'households',
        new Set(electors.values()).size,
        new Set(present.map((id) => electors.get(id))).size,
      );
      return households.met ? households : residents;
    }
    return status('none', 0, attendees.length);
  }
}
