import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  isWithin,
  newCheckInSecret,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { TopicRecord } from '../../topics/topic-record';
import { TopicStepChanger } from '../../topics/topic-step-changer';
import { DELIBERATION_UNIT_KINDS } from '../../topics/topic-steps';
import { TopicsCode, TopicsException } from '../../topics/topics.exception';
import { TopicsRepository } from '../../topics/topics.repository';
import { CreateMeetingDto } from '../dto/create-meeting.dto';
import { MeetingDetailDto } from '../dto/meeting.dto';
import { JointMembersRepository, nextChair } from '../joint-members.repository';
import { MEETING_KIND_DEFINITIONS } from '../meeting-kinds';
import { MeetingRecord } from '../meeting-record';
import { MeetingViews } from '../meeting-views';
import { MeetingsCode, MeetingsException } from '../meetings.exception';
import { MeetingsRepository } from '../meetings.repository';

const DAY_MS = 86_400_000;

/**
 * `POST /deliberation/meetings`: deliberation.manage at the unit. The kind's notice period must fit
 * before the start; agenda topics are active topics in the resolution step at the unit or below;
 * a joint meeting (at a community only) is chaired by the member after the previous chair in the
 * rotation. A fresh check-in secret is drawn; the creation is audited.
 */
@Injectable()
export class CreateMeetingUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly directory: OrganizationDirectory,
    private readonly meetings: MeetingsRepository,
    private readonly members: JointMembersRepository,
    private readonly topics: TopicsRepository,
    private readonly views: MeetingViews,
    private readonly audit: AuditLog,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateMeetingDto): Promise<MeetingDetailDto> {
    const topicIds = command.topicIds ?? [];
    await this.references.reach(user, Permission.DeliberationManage, { unit: command.unitId, topic: topicIds });
    const definition = MEETING_KIND_DEFINITIONS[command.kind];
    const startsAt = new Date(command.startsAt);
    const endsAt = new Date(command.endsAt);
    if (endsAt <= startsAt) throw new MeetingsException(MeetingsCode.MeetingTimes);
    const now = this.clock.now();
    const earliestStart = new Date(now.getTime() + definition.noticeDays * DAY_MS);
    if (startsAt < earliestStart)
      throw new MeetingsException(MeetingsCode.NoticeTooShort, {
        detail: `${definition.displayName}须提前${definition.noticeDays}日通知，最早可于 ${DateTime.fromJSDate(earliestStart, { zone: this.calendar.zone }).toFormat('yyyy-MM-dd HH:mm')} 召开`,
        extensions: { noticeDays: definition.noticeDays, earliestStart: earliestStart.toISOString() },
      });

    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      if (!(DELIBERATION_UNIT_KINDS as readonly string[]).includes(unit.kind))
        throw new TopicsException(TopicsCode.UnitKind, { extensions: { unitKind: unit.kind } });
      if (definition.unitKinds && !definition.unitKinds.includes(unit.kind))
        throw new MeetingsException(MeetingsCode.MeetingUnitKind, { extensions: { unitKind: unit.kind } });
      await this.checkAgenda(manager, topicIds, unit.path);
      const chair =
        command.kind === 'joint_meeting'
          ? nextChair(
              await this.members.ofCommunity(manager, unit.id, { lock: true }),
              await this.members.previousChair(manager, unit.id),
            )
          : null;
      const title = command.title.trim();
      const id = await this.meetings.insert(manager, {
        unitId: unit.id,
        unitPath: unit.path,
        kind: command.kind,
        title,
        location: command.location?.trim() || null,
        startsAt,
        endsAt,
        checkInSecret: newCheckInSecret(),
        chairOrganizationId: chair,
        createdByUserId: user.userId,
        createdAt: now,
      });
      await this.meetings.insertAgenda(manager, id, topicIds);
      await this.audit.record(
        {
          action: 'deliberation.meeting-created',
          targetType: 'deliberation-meeting',
          targetId: id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { kind: command.kind, title, startsAt: command.startsAt, topicIds, chairOrganizationId: chair },
        },
        manager,
      );
      return this.views.detail((await this.meetings.readOne(manager, id)) as MeetingRecord, manager);
    });
  }

  /** Each topic active, in the resolution step (`meeting` allowed), at the meeting's unit or below it. */
  private async checkAgenda(manager: EntityManager, topicIds: string[], unitPath: string): Promise<void> {
    const topics: TopicRecord[] = await this.topics.readMany(manager, topicIds);
    for (const topic of topics) {
      TopicStepChanger.assertAllows(topic, 'meeting');
      if (!isWithin(topic.unitPath, unitPath))
        throw new MeetingsException(MeetingsCode.AgendaTopicOutsideUnit, { extensions: { topicId: topic.id } });
    }
  }
}
