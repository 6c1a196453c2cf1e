import {
  bootPipeline,
  createLoggedInUser,
  createMember,
  createMemberDualRegistration,
  createPartyOrganization,
  createPerson,
  pointEntries,
  resetState,
} from '@linli/testing';

const HOUR = 3600_000;

describe('a service post shift across api, scheduler and notifier', () => {
  beforeAll(() => resetState());

  it("turns a verified shift of a dual-registered member into points with a readable reason and a notice in the member's inbox", async () => {
    const t0 = new Date('2026-11-28T01:00:00Z');
    const pipeline = await bootPipeline(t0);
    const { api, unit } = pipeline;
    try {
      const publisher = await createLoggedInUser(api, {
        role: 'grid_worker',
        unitId: unit('网格A1').id,
        unitPath: unit('网格A1').path,
      });
      const agencyBranch = await createPartyOrganization({
        kind: 'branch',
        name: '区税务局机关党支部',
        unitId: unit('社区B').id,
      });
      const person = await createPerson({ name: '刘洋', residenceUnitId: unit('楼栋A1-1').id });
      const membership = await createMember({
        personId: person.id,
        organizationId: agencyBranch.id,
        category: 'in_service',
      });
      await createMemberDualRegistration({ memberId: membership.id, communityUnitId: unit('社区A').id });
      const member = await createLoggedInUser(api, { personId: person.id });

      const post = await api.post(
        '/api/v1/volunteers/posts',
        {
          unitId: unit('小区A1').id,
          title: '小区门岗值守',
          slotsPerShift: 2,
          shifts: [
            {
              startsAt: new Date(t0.getTime() + HOUR).toISOString(),
              endsAt: new Date(t0.getTime() + 3 * HOUR).toISOString(),
            },
          ],
        },
        publisher.token,
      );
      expect(post.status).toBe(201);
      const claim = await api.post(
        `/api/v1/volunteers/posts/${post.body.id}/claims`,
        { shiftId: post.body.shifts[0].id },
        member.token,
      );
      expect(claim.body).toMatchObject({ partyMember: true, dualRegistered: true });
      const shift = `/api/v1/volunteers/posts/${post.body.id}/shifts/${post.body.shifts[0].id}`;

      pipeline.setNow(new Date(t0.getTime() + HOUR));
      expect(
        (
          await api.post(
            `${shift}/check-in`,
            { code: (await api.get(`${shift}/check-in-code`, publisher.token)).body.code },
            member.token,
          )
        ).status,
      ).toBe(200);
      pipeline.setNow(new Date(t0.getTime() + 3 * HOUR));
      expect(
        (
          await api.post(
            `${shift}/check-out`,
            { code: (await api.get(`${shift}/check-in-code`, publisher.token)).body.code },
            member.token,
          )
        ).status,
      ).toBe(200);
      const verified = await api.post(`${shift}/verify`, {}, publisher.token);
      expect(verified.body.verified).toEqual([expect.objectContaining({ personId: person.id, hours: 2 })]);

      await pipeline.drain();

      const owner = { type: 'person' as const, id: person.id };
      const redeemable = (await pointEntries(owner, 'redeemable')).map((e) => [e.reason, e.amount]);
      // Exactly one credit per event: a double credit (a replayed event, a rule applied twice) fails here.
      expect(redeemable.sort()).toEqual(
        [
          ['完成志愿服务岗位值守「小区门岗值守」获得积分', 5],
          ['参加志愿服务「小区门岗值守」获得积分', 20],
        ].sort(),
      );
      const assessment = (await pointEntries(owner, 'assessment')).map((e) => [e.reason, e.amount]);
      expect(assessment.sort()).toEqual(
        [
          ['完成志愿服务岗位值守「小区门岗值守」获得积分', 1],
          ['参加志愿服务「小区门岗值守」获得积分', 2],
        ].sort(),
      );

      const inbox = await api.get('/api/v1/me/notifications', member.token);
      expect(inbox.body.items.map((n: { title: string; body: string }) => `${n.title}：${n.body}`).sort()).toEqual(
        // One notice per credited entry (docs/modules/points.md, step 7): the redeemable and the assessment account.
        [
          '积分到账：您获得了 5 积分：完成志愿服务岗位值守「小区门岗值守」获得积分',
          '积分到账：您获得了 20 积分：参加志愿服务「小区门岗值守」获得积分',
          '积分到账：您获得了 1 积分：完成志愿服务岗位值守「小区门岗值守」获得积分',
          '积分到账：您获得了 2 积分：参加志愿服务「小区门岗值守」获得积分',
        ].sort(),
      );
      const profile = await api.get('/api/v1/volunteers/profiles/me', member.token);
      expect(profile.body.verifiedHours).toBe(2);
    } finally {
      await pipeline.close();
    }
  });
});
