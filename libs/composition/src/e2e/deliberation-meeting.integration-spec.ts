import { bootPipeline, createLoggedInUser, createPerson, pointEntries, resetState } from '@linli/testing';

const HOUR = 3600_000;

describe('a deliberation meeting across api, scheduler and notifier', () => {
  beforeAll(() => resetState());

  it("turns an attendance into points for taking part in deliberation and a notice in the resident's inbox", async () => {
    const t0 = new Date('2026-11-28T01:00:00Z');
    const pipeline = await bootPipeline(t0);
    const { api, unit } = pipeline;
    try {
      const secretary = await createLoggedInUser(api, {
        role: 'secretary',
        unitId: unit('社区A').id,
        unitPath: unit('社区A').path,
      });
      const person = await createPerson({ name: '李娜', residenceUnitId: unit('楼栋A1-1').id });
      const resident = await createLoggedInUser(api, { personId: person.id });

      const meeting = await api.post(
        '/api/v1/deliberation/meetings',
        {
          unitId: unit('小区A1').id,
          kind: 'public_talk',
          title: '小区停车民情恳谈会',
          startsAt: new Date(t0.getTime() + HOUR).toISOString(),
          endsAt: new Date(t0.getTime() + 3 * HOUR).toISOString(),
          location: '社区党群服务中心',
        },
        secretary.token,
      );
      expect(meeting.status).toBe(201);
      const base = `/api/v1/deliberation/meetings/${meeting.body.id}`;

      pipeline.setNow(new Date(t0.getTime() + HOUR));
      const code = (await api.get(`${base}/check-in-code`, secretary.token)).body.code;
      const checkedIn = await api.post(`${base}/check-in`, { code }, resident.token);
      expect(checkedIn.body).toMatchObject({ personId: person.id, newlyRecorded: true });
      // Recorded again from the sign-in sheet: skipped, no second event.
      const sheet = await api.post(`${base}/attendance`, { personIds: [person.id] }, secretary.token);
      expect(sheet.body).toMatchObject({ recorded: [], skipped: [person.id], attendanceCount: 1 });

      await pipeline.drain();

      const owner = { type: 'person' as const, id: person.id };
      // Exactly one credit per attendance: a double credit (a replayed event, a duplicate attendance) fails here.
      expect((await pointEntries(owner, 'redeemable')).map((e) => [e.reason, e.amount])).toEqual([
        ['参加议事协商会议「小区停车民情恳谈会」获得积分', 3],
      ]);
      const assessment = (await pointEntries(owner, 'assessment')).map((e) => [e.reason, e.amount]);
      expect(assessment).toEqual([['参加议事协商会议「小区停车民情恳谈会」获得积分', 1]]);

      const inbox = await api.get('/api/v1/me/notifications', resident.token);
      expect(inbox.body.items.map((n: { title: string; body: string }) => `${n.title}：${n.body}`).sort()).toEqual(
        [
          '积分到账：您获得了 3 积分：参加议事协商会议「小区停车民情恳谈会」获得积分',
          '积分到账：您获得了 1 积分：参加议事协商会议「小区停车民情恳谈会」获得积分',
        ].sort(),
      );
    } finally {
      await pipeline.close();
    }
  });
});
