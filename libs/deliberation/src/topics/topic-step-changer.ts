import { Injectable } from '@nestjs/common';
import { AuditLog, BusinessCalendar } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationSettings } from '../settings/deliberation-settings.service';
import { TopicRecord } from './topic-record';
import { allows, STEP_DEFINITIONS, stepsAllowing, TopicAction, TopicStep } from './topic-steps';
import { StepFields, TopicsRepository } from './topics.repository';
import { TopicsCode, TopicsException } from './topics.exception';

/** Who moves a topic: a user (with the reason they give) or a job (by name). */
export interface StepChangeAuthor {
  userId?: string;
  job?: string;
  reason?: string | null;
}

const DAY_MS = 86_400_000;

/**
 * The one place a topic changes step. The caller holds the topic's row lock (read with
 * `lock: true`) inside its transaction. Entering a step sets that step's dates: public notice ends
 * `notice.working-days` working days after it starts (it cannot end earlier); returning to joint
 * review after an upheld objection opens a new review round (every party answers again); the
 * evaluation opens now and closes after `evaluation.period-days`. Every change is recorded with
 * who (or which job), when and why, and audited.
 */
@Injectable()
export class TopicStepChanger {
  constructor(
    private readonly topics: TopicsRepository,
    private readonly settings: DeliberationSettings,
    private readonly calendar: BusinessCalendar,
    private readonly audit: AuditLog,
  ) {}

  /** 409 `deliberation.topic-inactive` unless active and open; 409 `deliberation.action-not-allowed` (with `step` and `allowedIn`) unless the step allows `action`. */
  static assertAllows(topic: TopicRecord, action: TopicAction): void {
    if (topic.status !== 'active' || topic.step === 'closed')
      throw new TopicsException(TopicsCode.TopicInactive, {
        extensions: { topicStatus: topic.status, step: topic.step },
      });
    if (!allows(topic.step, action))
      throw new TopicsException(TopicsCode.ActionNotAllowed, {
        detail: `议题处于「${STEP_DEFINITIONS[topic.step].display}」阶段，不能进行此操作`,
        extensions: { step: topic.step, action, allowedIn: stepsAllowing(action) },
      });
  }

  async move(
    manager: EntityManager,
    topic: TopicRecord,
    to: TopicStep,
    by: StepChangeAuthor,
    now: Date,
  ): Promise<TopicRecord> {
    const fields: StepFields = {};
    if (to === 'notice') {
      fields.noticeEndsAt = this.calendar.addWorkingDays(
        now,
        await this.settings.value('notice.working-days', '*', manager),
      );
    }
    if (to === 'review' && topic.step !== 'collect') fields.reviewRound = topic.reviewRound + 1;
    if (to === 'evaluate') {
      fields.evaluationOpensAt = now;
      fields.evaluationClosesAt = new Date(
        now.getTime() + (await this.settings.value('evaluation.period-days', '*', manager)) * DAY_MS,
      );
    }
    await this.topics.setStep(manager, topic.id, to, now, fields);
    await this.topics.recordStepChange(manager, {
      topicId: topic.id,
      from: topic.step,
      to,
      reason: by.reason ?? null,
      userId: by.userId,
      job: by.job,
      at: now,
    });
    await this.audit.record(
      {
        action: 'deliberation.topic-step-changed',
        targetType: 'deliberation-topic',
        targetId: topic.id,
        unitId: topic.unitId,
        unitPath: topic.unitPath,
        data: { from: topic.step, to, reason: by.reason ?? null, job: by.job ?? null },
        ...(by.job ? { actorUserId: null } : {}),
      },
      manager,
    );
    return (await this.topics.readOne(manager, topic.id)) as TopicRecord;
  }
}
