import { bootPipeline, createLoggedInUser, createPerson, pointEntries, resetState } from '@linli/testing';

describe('a hazard reported by a resident across api, scheduler and notifier', () => {
  beforeAll(() => resetState());

  it('credits the reporter of a registered hazard and tells them in their inbox; a rejected duplicate earns nothing', async () => {
    const pipeline = await bootPipeline(new Date('2026-12-03T02:00:00Z'));
    const { api, unit } = pipeline;
    try {
      const admin = await createLoggedInUser(api, { role: 'admin' });
      await api.post(
        '/api/v1/cases/categories',
        { code: 'hazard.fire', name: '消防隐患', responseHours: 2, resolveWorkingDays: 3, resolveHours: 24 },
        admin.token,
      );
      const grid = await createLoggedInUser(api, {
        role: 'grid_worker',
        unitId: unit('网格A1').id,
        unitPath: unit('网格A1').path,
      });
      const first = await createPerson({ name: '张三', residenceUnitId: unit('楼栋A1-1').id });
      const second = await createPerson({ name: '李四', residenceUnitId: unit('楼栋A1-1').id });
      const [reporter, repeater] = await Promise.all([
        createLoggedInUser(api, { personId: first.id }),
        createLoggedInUser(api, { personId: second.id }),
      ]);
      const report = (token: string) =>
        api.post(
          '/api/v1/cases',
          {
            unitId: unit('楼栋A1-1').id,
            channel: 'resident',
            type: 'hazard',
            categoryCode: 'hazard.fire',
            title: '楼道电动车充电',
          },
          token,
        );
      const original = await report(reporter.token);
      const duplicate = await report(repeater.token);
      expect([original.body.status, duplicate.body.status]).toEqual(['reported', 'reported']);

      expect((await api.post(`/api/v1/cases/${original.body.id}/register`, {}, grid.token)).body.status).toBe(
        'registered',
      );
      const rejected = await api.post(
        `/api/v1/cases/${duplicate.body.id}/reject`,
        { reason: 'duplicate', duplicateOfId: original.body.id },
        grid.token,
      );
      expect(rejected.body).toMatchObject({ status: 'rejected', duplicateOfId: original.body.id });
      expect((await api.get(`/api/v1/cases/${original.body.id}`, grid.token)).body.reporterCount).toBe(2);
      // The merged reporter follows the original case.
      expect((await api.get(`/api/v1/cases/${original.body.id}`, repeater.token)).status).toBe(200);

      await pipeline.drain();

      expect((await pointEntries({ type: 'person', id: first.id }, 'redeemable')).map((e) => e.amount)).toEqual([5]);
      expect((await pointEntries({ type: 'person', id: first.id }, 'assessment')).map((e) => e.amount)).toEqual([1]);
      expect(await pointEntries({ type: 'person', id: second.id }, 'redeemable')).toEqual([]);
      expect(await pointEntries({ type: 'person', id: second.id }, 'assessment')).toEqual([]);

      const inbox = await api.get('/api/v1/me/notifications', reporter.token);
      const titles = inbox.body.items.map((n: { title: string }) => n.title).sort();
      expect(titles).toEqual(['您反映的问题已受理', '积分到账', '积分到账'].sort());
      expect((await api.get('/api/v1/me/notifications', repeater.token)).body.items).toEqual([]);
    } finally {
      await pipeline.close();
    }
  });
});
