import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, JobQueue, JobRunner, NotificationRelay, QueueName } from '@linli/platform';
import {
  bootApi,
  bootScheduler,
  countRows,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  TestApi,
  waitFor,
  withTestDb,
} from '@linli/testing';
import { ESCALATE_OVERDUE_DEMANDS_SCHEDULE } from '../jobs/escalate-overdue-demands.job';
import { WEEKLY_DEMAND_DIGEST_SCHEDULE } from '../jobs/weekly-demand-digest.job';

/** Saturday 2026-11-28 10:00 in Beijing: the weekend daytime slot. */
const NOW = new Date('2026-11-28T02:00:00Z');

describe('matching volunteers to a demand, inviting them, and the demand jobs', () => {
  let api: TestApi;
  let scheduler: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
  const tokens: Record<string, string> = {};
  const people: Record<string, string> = {};

  async function profile(
    name: string,
    home: string,
    skills: string[],
    options: { availability?: string[]; ratings?: [number, number] } = {},
  ): Promise<string> {
    const [person] = await createPeople([{ name, residence: unit(home) }]);
    const [sum, count] = options.ratings ?? [0, 0];
    await withTestDb((client) =>
      client.query(
        `INSERT INTO volunteer_profiles (person_id, unit_id, unit_path, skills, availability, rating_sum, rating_count) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [person.id, unit(home).id, unit(home).path, skills, options.availability ?? [], sum, count],
      ),
    );
    people[name] = person.id;
    return person.id;
  }

  /** The notifications queue once the scheduler's relay has queued every committed request. */
  async function queuedNotices() {
    await waitFor(
      async () => {
        await scheduler.get(NotificationRelay).relayOnce();
        return (await countRows(`SELECT count(*) FROM notification_requests WHERE relayed_at IS NULL`)) === 0;
      },
      { what: 'notification requests relayed' },
    );
    return scheduler
      .get(JobQueue)
      .get(QueueName.Notifications)
      .getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
  }

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    scheduler = await bootScheduler();
    for (const app of [api.app, scheduler]) jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(NOW));
    units = await createUnitTree({
      kind: 'city',
      name: '示范市',
      children: [
        {
          kind: 'district',
          name: '示范区',
          children: [
            {
              kind: 'street',
              name: '示范街道',
              children: [
                {
                  kind: 'community',
                  name: '幸福社区',
                  children: [
                    {
                      kind: 'grid',
                      name: '第一网格',
                      children: [
                        {
                          kind: 'complex',
                          name: '阳光小区',
                          children: [
                            { kind: 'building', name: '阳光1栋' },
                            { kind: 'building', name: '阳光2栋' },
                          ],
                        },
                        { kind: 'complex', name: '月亮小区', children: [{ kind: 'building', name: '月亮1栋' }] },
                      ],
                    },
                    { kind: 'grid', name: '第二网格', children: [{ kind: 'complex', name: '星星小区' }] },
                  ],
                },
                { kind: 'community', name: '和平社区', children: [{ kind: 'grid', name: '和平网格' }] },
              ],
            },
            { kind: 'street', name: '另一街道', children: [{ kind: 'community', name: '远方社区' }] },
          ],
        },
      ],
    });
    tokens.secretary = (await createLoggedInUser(api, { role: 'secretary', ...at('幸福社区') })).token;
    tokens.otherSecretary = (await createLoggedInUser(api, { role: 'secretary', ...at('和平社区') })).token;
    const [requester] = await createPeople([{ name: '张奶奶', residence: unit('阳光1栋') }]);
    people.requester = requester.id;
    await profile('同楼律师', '阳光1栋', ['legal'], { ratings: [8, 2] });
    await profile('同小区律师', '阳光2栋', ['legal', 'translation'], {
      availability: ['weekend_daytime'],
      ratings: [10, 2],
    });
    await profile('同网格律师', '月亮1栋', ['legal']);
    await profile('同社区律师', '星星小区', ['legal']);
    await profile('同街道律师', '和平网格', ['legal']);
    await profile('外街道律师', '远方社区', ['legal']);
    await profile('同楼电工', '阳光1栋', ['electrical']);
  });
  afterAll(async () => {
    await Promise.all([api.close(), scheduler.close()]);
  });

  async function demand(body: Record<string, unknown> = {}): Promise<string> {
    const response = await api.post(
      '/api/v1/volunteers/demands',
      {
        kind: 'service_need',
        unitId: unit('阳光1栋').id,
        title: '咨询赡养纠纷',
        requesterPersonId: people.requester,
        requiredSkills: ['legal'],
        ...body,
      },
      tokens.secretary,
    );
    expect(response.status).toBe(201);
    return response.body.id;
  }

  it("ranks volunteers of the demand's street by skills and closeness, with the reasons for each rank", async () => {
    const id = await demand();

    const matches = await api.get(`/api/v1/volunteers/demands/${id}/matches?limit=10`, tokens.secretary);

    expect(matches.status).toBe(200);
    // 40 skills + 24 same complex + 10 free on Saturday morning + 10 no recent claims + 10 rated 5.0 beats
    // 40 + 30 same building + 0 + 10 + 8 (rated 4.0); the others follow their closeness. The electrician
    // lacks the skill, the lawyer of the other street is not a candidate.
    expect(matches.body.items.map((m: { name: string; score: number }) => [m.name, m.score])).toEqual([
      ['同小区律师', 94],
      ['同楼律师', 88],
      ['同网格律师', 73],
      ['同社区律师', 67],
      ['同街道律师', 61],
    ]);
    expect(matches.body.items[0]).toMatchObject({
      reasons: ['技能匹配：法律咨询', '同一小区', '周末白天有空', '近30天认领 0 次', '平均评分 5.0（2 次）'],
      invited: false,
    });
    expect(matches.body.items[1].reasons).toEqual([
      '技能匹配：法律咨询',
      '同一楼栋',
      '近30天认领 0 次',
      '平均评分 4.0（2 次）',
    ]);
    expect(matches.body.items[4].reasons).toEqual(['技能匹配：法律咨询', '同一街道', '近30天认领 0 次', '暂无评分']);
    expectProblem(
      await api.get(`/api/v1/volunteers/demands/${id}/matches`, tokens.otherSecretary),
      404,
      'resource.not-found',
    );
  });

  it('counts recent claims against a volunteer', async () => {
    const busy = await demand({ title: '另一项法律咨询' });
    await api.post(`/api/v1/volunteers/demands/${busy}/claim`, { personId: people['同楼律师'] }, tokens.secretary);
    const id = await demand({ title: '第三项法律咨询' });

    const matches = await api.get(`/api/v1/volunteers/demands/${id}/matches`, tokens.secretary);

    const lawyer = matches.body.items.find((m: { name: string }) => m.name === '同楼律师');
    expect(lawyer).toMatchObject({ score: 86, reasons: expect.arrayContaining(['近30天认领 1 次']) });
    expect(matches.body.items[0].name).toBe('同小区律师');
  });

  it('invites the top N once each: a second invitation of the same people notifies nobody', async () => {
    const id = await demand({ title: '帮忙看看租房合同' });

    const [first, second] = await Promise.all([
      api.post(`/api/v1/volunteers/demands/${id}/invite`, { top: 2 }, tokens.secretary),
      api.post(
        `/api/v1/volunteers/demands/${id}/invite`,
        { personIds: [people['同楼律师'], people['同网格律师']] },
        tokens.secretary,
      ),
    ]);

    expect([first.status, second.status]).toEqual([200, 200]);
    const invited = [...first.body.invited, ...second.body.invited].map((p: { name: string }) => p.name).sort();
    expect(invited).toEqual(['同小区律师', '同楼律师', '同网格律师'].sort());
    expect([...first.body.alreadyInvited, ...second.body.alreadyInvited]).toEqual([people['同楼律师']]);
    expect(await countRows(`SELECT count(*) FROM volunteer_demand_invitations WHERE demand_id = $1`, [id])).toBe(3);
    const jobs = await queuedNotices();
    const invitations = jobs.filter(
      (job) => job.data.templateKey === 'volunteers.demand-invitation' && job.data.data.title === '帮忙看看租房合同',
    );
    expect(invitations.map((job) => job.data.recipient.personId).sort()).toEqual(
      [people['同楼律师'], people['同小区律师'], people['同网格律师']].sort(),
    );
    expect(
      (await api.get(`/api/v1/volunteers/demands/${id}/matches?limit=3`, tokens.secretary)).body.items.map(
        (m: { invited: boolean }) => m.invited,
      ),
    ).toEqual([true, true, true]);
  });

  it("expires open demands past their deadline and tells the community's secretary once; the weekly digest is one summary per community", async () => {
    const overdue = await demand({
      title: '周末需要翻译',
      deadline: new Date(NOW.getTime() + 3600 * 1000).toISOString(),
      requiredSkills: ['translation'],
    });
    const runner = scheduler.get(JobRunner);
    jest.spyOn(scheduler.get(Clock), 'now').mockImplementation(() => new Date(NOW.getTime() + 2 * 3600 * 1000));

    const first = await runner.run({ schedule: ESCALATE_OVERDUE_DEMANDS_SCHEDULE, period: '2026-11-28T12' });
    const again = await runner.run({ schedule: ESCALATE_OVERDUE_DEMANDS_SCHEDULE, period: '2026-11-28T13' });

    expect(first.run.result).toMatchObject({ expired: 1, escalated: 1, notified: 1 });
    expect(again.run.result).toMatchObject({ expired: 0, escalated: 0, notified: 0 });
    expect((await api.get(`/api/v1/volunteers/demands/${overdue}`, tokens.secretary)).body.status).toBe('expired');
    const digest = await runner.run({ schedule: WEEKLY_DEMAND_DIGEST_SCHEDULE, period: '2026-W48' });
    expect(digest.run.result).toEqual({ period: '2026-W48', communities: 1, notified: 1 });
    const jobs = await queuedNotices();
    const digests = jobs.filter((job) => job.data.templateKey === 'volunteers.weekly-demand-digest');
    expect(digests).toHaveLength(1);
    expect(digests[0].data.data).toMatchObject({ communityName: '幸福社区', count: 3 });
    expect(
      jobs.filter((job) => job.data.templateKey === 'volunteers.demand-overdue').map((job) => job.data.data),
    ).toEqual([{ title: '周末需要翻译', unitName: '阳光1栋', deadline: '2026-11-28 11:00' }]);
  });
});
