import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OrganizationDirectory } from '@linli/organization';
import { BusinessCalendar, Clock, JobRunner, TransactionRunner } from '@linli/platform';
import {
  bootScheduler,
  createOfficer,
  createPartyOrganization,
  createPerson,
  createUnitTree,
  createUser,
  resetState,
  ScenarioUnit,
  smallDistrict,
  withTestDb,
} from '@linli/testing';
import { DataSource } from 'typeorm';
import { TopicCreation } from '../topic-creation';
import { TopicRecord } from '../topic-record';
import { TopicStepChanger } from '../topic-step-changer';
import { TopicStep } from '../topic-steps';
import { TopicsRepository } from '../topics.repository';
import { CLOSE_EVALUATIONS_SCHEDULE } from './close-evaluations.job';
import { CLOSE_NOTICES_SCHEDULE } from './close-notices.job';
import { OPEN_EVALUATIONS_SCHEDULE } from './open-evaluations.job';
import { OVERDUE_MILESTONES_SCHEDULE } from './overdue-milestones.job';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

interface NotificationRow {
  recipient: { userId?: string };
  templateKey: string;
  data: Record<string, string>;
}

const notifications = (templateKey: string): Promise<NotificationRow[]> =>
  withTestDb(async (db) =>
    (
      await db.query(`SELECT job FROM notification_requests WHERE job->>'templateKey' = $1 ORDER BY seq`, [templateKey])
    ).rows.map((row: { job: NotificationRow }) => row.job),
  );

/**
 * The topics jobs against the real database, run through the scheduler's `JobRunner` with a mocked
 * clock. Topics are set up with `TopicCreation` and `TopicStepChanger` from the scheduler's
 * container (the topics HTTP routes were not there yet when this was written), objections,
 * execution ends and milestones by SQL.
 */
describe('topics jobs: notices end, evaluations open and close, overdue milestones', () => {
  let scheduler: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  let now = new Date('2026-12-02T02:00:00Z'); // Wednesday 10:00 in Beijing
  let creatorId: string;
  let partySecretaryUserId: string;
  let staffSecretaryBUserId: string;
  let runs = 0;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  /** Runs a job for a period of its own (the job works from the clock; a new period always executes). */
  async function run(schedule: string, granularity: 'hour' | 'day' = 'hour'): Promise<Record<string, number>> {
    runs += 1;
    const at = new Date(Date.UTC(2030, 0, 1) + runs * (granularity === 'hour' ? HOUR_MS : DAY_MS));
    const period = granularity === 'hour' ? at.toISOString().slice(0, 13) : at.toISOString().slice(0, 10);
    const report = await scheduler.get(JobRunner).run({ schedule, period });
    expect(report.run).toMatchObject({ status: 'succeeded' });
    return report.run.result as Record<string, number>;
  }

  async function topicIn(step: TopicStep, unitName: string, title: string): Promise<TopicRecord> {
    return scheduler.get(TransactionRunner).run(async (manager) => {
      const anchored = await scheduler.get(OrganizationDirectory).units.anchor(manager, unit(unitName).id);
      const created = await scheduler.get(TopicCreation).create(manager, {
        unit: { id: anchored.id, path: anchored.path },
        title,
        description: null,
        category: 'other',
        source: 'grid_worker',
        requiredParties: ['party_organization'],
        proposalId: null,
        createdByUserId: creatorId,
        createdByPersonId: null,
        now,
      });
      if (step === 'collect') return created;
      const locked = (await scheduler
        .get(TopicsRepository)
        .readOne(manager, created.id, { lock: true })) as TopicRecord;
      return scheduler
        .get(TopicStepChanger)
        .move(manager, locked, step, { userId: creatorId, reason: '测试准备' }, now);
    });
  }

  const read = async (id: string): Promise<TopicRecord> =>
    (await scheduler.get(TopicsRepository).readOne(undefined, id)) as TopicRecord;
  /** The topic's recorded step changes, oldest first. */
  const history = (id: string) =>
    withTestDb(
      async (db) =>
        (
          await db.query(
            `SELECT from_step AS "fromStep", to_step AS "toStep", changed_by_user_id AS "changedByUserId", changed_by_job AS "changedByJob"
               FROM deliberation_step_changes WHERE topic_id = $1 ORDER BY seq`,
            [id],
          )
        ).rows as {
          fromStep: string | null;
          toStep: string;
          changedByUserId: string | null;
          changedByJob: string | null;
        }[],
    );

  beforeAll(async () => {
    await resetState();
    scheduler = await bootScheduler();
    jest.spyOn(scheduler.get(Clock), 'now').mockImplementation(() => new Date(now));
    units = await createUnitTree(smallDistrict());
    const dataSource = scheduler.get(DataSource);
    creatorId = (
      await createUser(dataSource, { role: 'grid_worker', unitId: unit('网格A1').id, unitPath: unit('网格A1').path })
    ).id;

    // 社区A: a party committee at the community, with a secretary who has an account.
    const committee = await createPartyOrganization({ kind: 'committee', name: '社区A党委', unitId: unit('社区A').id });
    await createPartyOrganization({ kind: 'branch', name: '网格A1党支部', unitId: unit('网格A1').id });
    const secretary = await createPerson({ name: '社区书记', residenceUnitId: unit('楼栋A1-1').id });
    await createOfficer({ organizationId: committee.id, personId: secretary.id });
    partySecretaryUserId = (await createUser(dataSource, { personId: secretary.id })).id;
    // 社区B: no party organization; a staff secretary answers for it.
    staffSecretaryBUserId = (
      await createUser(dataSource, { role: 'secretary', unitId: unit('社区B').id, unitPath: unit('社区B').path })
    ).id;
  });
  afterAll(() => scheduler.close());

  it('moves a topic from public notice to execution when the notice ends, not a minute before, and once when two runs race', async () => {
    const topic = await topicIn('notice', '小区A1', '加装电梯');
    expect(topic.noticeEndsAt?.toISOString()).toBe('2026-12-09T02:00:00.000Z'); // five working days

    now = new Date((topic.noticeEndsAt as Date).getTime() - MINUTE_MS);
    expect(await run(CLOSE_NOTICES_SCHEDULE)).toMatchObject({ moved: 0 });
    expect((await read(topic.id)).step).toBe('notice');

    now = topic.noticeEndsAt as Date;
    const results = await Promise.all([run(CLOSE_NOTICES_SCHEDULE), run(CLOSE_NOTICES_SCHEDULE)]);
    expect(results.map((result) => result.moved).sort()).toEqual([0, 1]);
    expect((await read(topic.id)).step).toBe('execute');
    const changes = await history(topic.id);
    expect(changes.filter((change) => change.toStep === 'execute')).toEqual([
      expect.objectContaining({ fromStep: 'notice', changedByJob: CLOSE_NOTICES_SCHEDULE, changedByUserId: null }),
    ]);
  });

  it('keeps a topic with a pending objection in notice until the objection is decided', async () => {
    now = new Date('2026-12-02T02:00:00Z');
    const topic = await topicIn('notice', '楼栋A1-1', '停车位划线');
    await withTestDb((db) =>
      db.query(
        `INSERT INTO deliberation_objections (topic_id, author_user_id, content, created_at) VALUES ($1, $2, '方案不公平', $3)`,
        [topic.id, creatorId, now],
      ),
    );
    now = new Date((topic.noticeEndsAt as Date).getTime() + DAY_MS);
    await run(CLOSE_NOTICES_SCHEDULE);
    expect((await read(topic.id)).step).toBe('notice');

    await withTestDb((db) =>
      db.query(`UPDATE deliberation_objections SET status = 'dismissed', decided_at = $2 WHERE topic_id = $1`, [
        topic.id,
        now,
      ]),
    );
    expect(await run(CLOSE_NOTICES_SCHEDULE)).toMatchObject({ moved: 1 });
    expect((await read(topic.id)).step).toBe('execute');
  });

  it('opens the evaluation seven days after execution ended, tells the creator, and closes it fourteen days later', async () => {
    now = new Date('2026-12-10T02:00:00Z');
    const topic = await topicIn('execute', '小区A1', '垃圾分类亭');
    const ended = now;
    await withTestDb((db) =>
      db.query(`UPDATE deliberation_topics SET execution_ended_at = $2, progress_percent = 100 WHERE id = $1`, [
        topic.id,
        ended,
      ]),
    );

    now = new Date(ended.getTime() + 7 * DAY_MS - MINUTE_MS);
    expect(await run(OPEN_EVALUATIONS_SCHEDULE)).toMatchObject({ moved: 0 });
    expect((await read(topic.id)).step).toBe('execute');

    now = new Date(ended.getTime() + 7 * DAY_MS);
    expect(await run(OPEN_EVALUATIONS_SCHEDULE)).toMatchObject({ moved: 1 });
    const evaluating = await read(topic.id);
    expect(evaluating).toMatchObject({ step: 'evaluate', evaluationOpensAt: now });
    expect(evaluating.evaluationClosesAt).toEqual(new Date(now.getTime() + 14 * DAY_MS));
    expect(await notifications('deliberation.evaluation-opened')).toEqual([
      expect.objectContaining({
        recipient: { userId: creatorId },
        data: { title: '垃圾分类亭', closesOn: '2026-12-31' },
      }),
    ]);
    expect(await run(OPEN_EVALUATIONS_SCHEDULE)).toMatchObject({ moved: 0 });

    now = new Date((evaluating.evaluationClosesAt as Date).getTime() - MINUTE_MS);
    expect(await run(CLOSE_EVALUATIONS_SCHEDULE)).toMatchObject({ moved: 0 });
    expect((await read(topic.id)).step).toBe('evaluate');

    now = evaluating.evaluationClosesAt as Date;
    const results = await Promise.all([run(CLOSE_EVALUATIONS_SCHEDULE), run(CLOSE_EVALUATIONS_SCHEDULE)]);
    expect(results.map((result) => result.moved).sort()).toEqual([0, 1]);
    expect((await read(topic.id)).step).toBe('closed');
    expect((await history(topic.id)).map((change) => change.toStep)).toEqual([
      'collect',
      'execute',
      'evaluate',
      'closed',
    ]);
  });

  it('flags an overdue milestone once and tells the community secretary once, however often and concurrently the job runs', async () => {
    now = new Date('2027-02-01T02:00:00Z');
    const today = scheduler.get(BusinessCalendar).localDate(now);
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
    const inA = await topicIn('execute', '楼栋A1-1', '楼道照明改造');
    const inB = await topicIn('execute', '小区B1', '健身器材更新');
    const evaluating = await topicIn('evaluate', '楼栋A1-1', '已在评估');
    const milestone = (topicId: string, title: string, dueOn: string, done = false) =>
      withTestDb(
        async (db) =>
          (
            await db.query(
              `INSERT INTO deliberation_milestones (topic_id, title, due_on, done_at, created_by_user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
              [topicId, title, dueOn, done ? now : null, creatorId],
            )
          ).rows[0].id as string,
      );
    const late = await milestone(inA.id, '采购灯具', yesterday);
    await milestone(inA.id, '安装调试', today);
    await milestone(inA.id, '现场勘查', yesterday, true);
    const lateB = await milestone(inB.id, '选型', yesterday);
    await milestone(evaluating.id, '收尾', yesterday);

    const results = await Promise.all([
      run(OVERDUE_MILESTONES_SCHEDULE, 'day'),
      run(OVERDUE_MILESTONES_SCHEDULE, 'day'),
    ]);
    results.push(await run(OVERDUE_MILESTONES_SCHEDULE, 'day'));
    expect(results.reduce((sum, result) => sum + result.flagged, 0)).toBe(2);

    const flagged = await withTestDb(async (db) =>
      (
        await db.query(`SELECT id FROM deliberation_milestones WHERE overdue_flagged_at IS NOT NULL ORDER BY id`)
      ).rows.map((row: { id: string }) => row.id),
    );
    expect(flagged).toEqual([late, lateB].sort());
    const sent = await notifications('deliberation.milestone-overdue');
    expect(sent).toHaveLength(2);
    expect(sent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          recipient: { userId: partySecretaryUserId },
          data: { title: '楼道照明改造', milestone: '采购灯具', dueOn: yesterday },
        }),
        expect.objectContaining({
          recipient: { userId: staffSecretaryBUserId },
          data: { title: '健身器材更新', milestone: '选型', dueOn: yesterday },
        }),
      ]),
    );
  });
});
