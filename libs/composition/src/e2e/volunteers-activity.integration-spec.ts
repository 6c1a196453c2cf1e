import {
  bootPipeline,
  createLoggedInUser,
  createMember,
  createPartyOrganization,
  createPerson,
  pointEntries,
  resetState,
} from '@linli/testing';

const HOUR = 3600_000;

describe('a volunteer activity across api, scheduler and notifier', () => {
  beforeAll(() => resetState());

  it("turns a verified attendance into points with a readable reason and a notice in the member's inbox", async () => {
    const t0 = new Date('2026-11-28T01:00:00Z');
    const pipeline = await bootPipeline(t0);
    const { api, unit } = pipeline;
    try {
      const organizer = await createLoggedInUser(api, {
        role: 'secretary',
        unitId: unit('社区A').id,
        unitPath: unit('社区A').path,
      });
      const branch = await createPartyOrganization({
        kind: 'branch',
        name: '幸福里社区第一党支部',
        unitId: unit('社区A').id,
      });
      const person = await createPerson({ name: '张伟', residenceUnitId: unit('楼栋A1-1').id });
      await createMember({ personId: person.id, organizationId: branch.id });
      const member = await createLoggedInUser(api, { personId: person.id });

      const activity = await api.post(
        '/api/v1/volunteers/activities',
        {
          unitId: unit('社区A').id,
          title: '社区清洁日',
          kind: 'service',
          startsAt: new Date(t0.getTime() + HOUR).toISOString(),
          endsAt: new Date(t0.getTime() + 3 * HOUR).toISOString(),
          capacity: 20,
        },
        organizer.token,
      );
      expect(activity.status).toBe(201);
      const base = `/api/v1/volunteers/activities/${activity.body.id}`;
      expect((await api.post(`${base}/signups`, {}, member.token)).body.status).toBe('confirmed');

      pipeline.setNow(new Date(t0.getTime() + HOUR));
      const code = (await api.get(`${base}/check-in-code`, organizer.token)).body.code;
      expect((await api.post(`${base}/check-in`, { code }, member.token)).status).toBe(200);
      pipeline.setNow(new Date(t0.getTime() + 3 * HOUR));
      const laterCode = (await api.get(`${base}/check-in-code`, organizer.token)).body.code;
      expect((await api.post(`${base}/check-out`, { code: laterCode }, member.token)).status).toBe(200);
      const verified = await api.post(`${base}/verify`, {}, organizer.token);
      expect(verified.body.verified).toEqual([
        expect.objectContaining({ personId: person.id, hours: 2, verified: true }),
      ]);

      await pipeline.drain();

      const owner = { type: 'person' as const, id: person.id };
      const redeemable = (await pointEntries(owner, 'redeemable')).map((e) => [e.reason, e.amount]);
      // Exactly one credit per event: a double credit (a replayed event, a rule applied twice) fails here.
      expect(redeemable.sort()).toEqual(
        [
          ['参加活动「社区清洁日」获得积分', 5],
          ['参加志愿服务「社区清洁日」获得积分', 20],
        ].sort(),
      );
      const assessment = (await pointEntries(owner, 'assessment')).map((e) => [e.reason, e.amount]);
      expect(assessment.sort()).toEqual(
        [
          ['参加活动「社区清洁日」获得积分', 1],
          ['参加志愿服务「社区清洁日」获得积分', 2],
        ].sort(),
      );

      const inbox = await api.get('/api/v1/me/notifications', member.token);
      expect(inbox.body.items.map((n: { title: string; body: string }) => `${n.title}：${n.body}`).sort()).toEqual(
        // One notice per credited entry (docs/modules/points.md, step 7): the redeemable and the assessment account.
        [
          '积分到账：您获得了 5 积分：参加活动「社区清洁日」获得积分',
          '积分到账：您获得了 20 积分：参加志愿服务「社区清洁日」获得积分',
          '积分到账：您获得了 1 积分：参加活动「社区清洁日」获得积分',
          '积分到账：您获得了 2 积分：参加志愿服务「社区清洁日」获得积分',
        ].sort(),
      );
    } finally {
      await pipeline.close();
    }
  });
});
