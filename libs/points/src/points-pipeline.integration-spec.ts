import {
  bootApi,
  bootNotifier,
  bootScheduler,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  drain,
  publishEvents,
  resetState,
  ScenarioUnit,
  smallDistrict,
  withTestDb,
} from '@linli/testing';

describe('points across api, scheduler and notifier', () => {
  beforeAll(() => resetState());

  it('turns an event published through the outbox into an entry and a "您获得了 N 积分" notification in the owner\'s inbox', async () => {
    const api = await bootApi();
    const scheduler = await bootScheduler();
    const notifier = await bootNotifier();
    try {
      const units = await createUnitTree(smallDistrict());
      const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
      const admin = await createLoggedInUser(api, { role: 'admin' });
      const [wang] = await createPeople([{ name: '王芳', residence: unit('楼栋A1-1') }]);
      const resident = await createLoggedInUser(api, { personId: wang.id });
      const rule = await api.post(
        '/api/v1/points/rules',
        {
          code: 'pipeline-activity',
          name: '参加活动',
          eventType: 'test.pipeline.attended',
          accountKind: 'redeemable',
          points: 5,
          per: 'occurrence',
          actorRoles: ['participant'],
          validityMonths: 24,
        },
        admin.token,
      );
      expect(rule.status).toBe(201);

      const [event] = await publishEvents(api.app, [
        {
          type: 'test.pipeline.attended',
          unitId: unit('小区A1').id,
          actors: [{ personId: wang.id, role: 'participant' }],
          data: { activityId: 'a-1', title: '社区清洁日' },
        },
      ]);
      await drain([scheduler, notifier]);

      const entries = await api.get(`/api/v1/points/accounts/person/${wang.id}/entries`, resident.token);
      expect(entries.status).toBe(200);
      expect(entries.body.items).toEqual([
        expect.objectContaining({
          accountKind: 'redeemable',
          kind: 'credit',
          amount: 5,
          balanceAfter: 5,
          reason: '参加活动「社区清洁日」获得积分',
          ruleId: rule.body.id,
          ruleVersion: 1,
          sourceEventId: event.id,
        }),
      ]);
      const inbox = await api.get('/api/v1/me/notifications', resident.token);
      expect(inbox.body.items.map((n: { title: string; body: string }) => `${n.title}：${n.body}`)).toEqual([
        '积分到账：您获得了 5 积分：参加活动「社区清洁日」获得积分',
      ]);
      const processed = await withTestDb((client) =>
        client.query(`SELECT count(*)::int AS n FROM processed_events WHERE subscriber = 'points' AND event_id = $1`, [
          event.id,
        ]),
      );
      expect(processed.rows[0].n).toBe(1);
    } finally {
      await Promise.all([api.close(), scheduler.close(), notifier.close()]);
    }
  });
});
