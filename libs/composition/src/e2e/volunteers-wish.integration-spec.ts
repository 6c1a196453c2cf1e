import { DataSource } from 'typeorm';
import { seedDefaultPointRules } from '@linli/points';
import {
  bootApi,
  bootNotifier,
  bootScheduler,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  drain,
  resetState,
  ScenarioUnit,
  smallDistrict,
  waitFor,
} from '@linli/testing';

describe('a micro-wish across api, scheduler and notifier', () => {
  beforeAll(() => resetState());

  it("keeps the claimant's points pending until the requester confirms, then makes them spendable and tells the claimant", async () => {
    const api = await bootApi();
    const scheduler = await bootScheduler();
    const notifier = await bootNotifier();
    try {
      await seedDefaultPointRules(api.app.get(DataSource));
      const units = await createUnitTree(smallDistrict());
      const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
      const [grandma, volunteer] = await createPeople([
        { name: '张奶奶', residence: unit('楼栋A1-1') },
        { name: '李明', residence: unit('楼栋A1-1') },
      ]);
      const requester = await createLoggedInUser(api, { personId: grandma.id });
      const claimant = await createLoggedInUser(api, { personId: volunteer.id });
      const account = () => api.get(`/api/v1/points/accounts/person/${volunteer.id}`, claimant.token);

      const wish = await api.post(
        '/api/v1/volunteers/demands',
        { kind: 'micro_wish', unitId: unit('小区A1').id, title: '想要一副老花镜' },
        requester.token,
      );
      expect(wish.status).toBe(201);
      expect((await api.post(`/api/v1/volunteers/demands/${wish.body.id}/claim`, {}, claimant.token)).status).toBe(201);
      expect(
        (await api.post(`/api/v1/volunteers/demands/${wish.body.id}/fulfil`, { note: '已送到家' }, claimant.token))
          .status,
      ).toBe(200);
      await drain([scheduler, notifier]);

      expect((await account()).body.redeemable).toMatchObject({ balance: 0, pending: 20 });
      const told = await api.get('/api/v1/me/notifications', requester.token);
      expect(told.body.items.map((n: { title: string }) => n.title)).toEqual(['您的需求已完成']);

      expect(
        (await api.post(`/api/v1/volunteers/demands/${wish.body.id}/confirm`, { rating: 5 }, requester.token)).status,
      ).toBe(200);
      await drain([scheduler, notifier]);

      expect((await account()).body.redeemable).toMatchObject({ balance: 20, pending: 0 });
      const entries = await api.get(`/api/v1/points/accounts/person/${volunteer.id}/entries`, claimant.token);
      expect(entries.body.items.map((e: { reason: string }) => e.reason)).toContain(
        '完成微心愿「想要一副老花镜」获得积分',
      );
      const inbox = await waitFor(async () => {
        const page = await api.get('/api/v1/me/notifications', claimant.token);
        return page.body.items.length > 0 ? page.body.items : null;
      });
      expect(inbox.map((n: { title: string; body: string }) => `${n.title}：${n.body}`)).toContain(
        '积分到账：您获得了 20 积分：完成微心愿「想要一副老花镜」获得积分',
      );
    } finally {
      await Promise.all([api.close(), scheduler.close(), notifier.close()]);
    }
  });

  it('gives nothing for a fulfilment the requester rejects: its points go from pending to void', async () => {
    const api = await bootApi();
    const scheduler = await bootScheduler();
    const notifier = await bootNotifier();
    try {
      await seedDefaultPointRules(api.app.get(DataSource));
      const units = await createUnitTree(smallDistrict());
      const building = units.get('楼栋B1-1') as ScenarioUnit;
      const [requesterPerson, volunteer] = await createPeople([
        { name: '王大爷', residence: building },
        { name: '赵强', residence: building },
      ]);
      const requester = await createLoggedInUser(api, { personId: requesterPerson.id });
      const claimant = await createLoggedInUser(api, { personId: volunteer.id });
      const account = () => api.get(`/api/v1/points/accounts/person/${volunteer.id}`, claimant.token);

      const wish = await api.post(
        '/api/v1/volunteers/demands',
        { kind: 'micro_wish', unitId: building.id, title: '修好收音机' },
        requester.token,
      );
      expect(
        (await api.post(`/api/v1/volunteers/demands/${wish.body.id}/claim`, { personId: volunteer.id }, claimant.token))
          .status,
      ).toBe(201);
      expect((await api.post(`/api/v1/volunteers/demands/${wish.body.id}/fulfil`, {}, claimant.token)).status).toBe(
        200,
      );
      await drain([scheduler, notifier]);
      expect((await account()).body.redeemable).toMatchObject({ balance: 0, pending: 20 });

      const rejected = await api.post(
        `/api/v1/volunteers/demands/${wish.body.id}/reject`,
        { reason: '收音机还是没声音' },
        requester.token,
      );
      expect(rejected.body).toMatchObject({ status: 'claimed' });
      await drain([scheduler, notifier]);

      expect((await account()).body.redeemable).toMatchObject({ balance: 0, pending: 0 });
      const entries = await api.get(`/api/v1/points/accounts/person/${volunteer.id}/entries`, claimant.token);
      expect(entries.body.items.filter((e: { amount: number }) => e.amount > 0)).toEqual([]);
    } finally {
      await Promise.all([api.close(), scheduler.close(), notifier.close()]);
    }
  });
});
