import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@linli/platform';
import { bootApi, createLoggedInUser, createPartyOrganization, createPeople, createUnitTree, resetState, ScenarioUnit, smallDistrict, TestApi } from '@linli/testing';
import { DateTime } from 'luxon';
import { PointsLedger } from '../ledger/points-ledger.service';
import { PointsOwner } from '../ledger/points-owner';

describe('volunteer levels on the account view', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let adminToken: string;

  const ledger = () => api.app.get(PointsLedger);
  const runner = () => api.app.get(TransactionRunner);

  async function person(): Promise<PointsOwner & { token: string }> {
    const [created] = await createPeople([{ name: '志愿者', residence: units.get('楼栋A1-1') as ScenarioUnit }]);
    return { type: 'person', id: created.id, token: (await createLoggedInUser(api, { personId: created.id })).token };
  }

  const earn = (owner: PointsOwner, amount: number, occurredAt?: Date) =>
    runner().run((manager) => ledger().credit(manager, { owner, kind: 'redeemable', amount, reason: '志愿服务获得积分', idempotencyKey: randomUUID(), occurredAt }));
  const spend = (owner: PointsOwner, amount: number) =>
    runner().run((manager) => ledger().debit(manager, { owner, kind: 'redeemable', amount, reason: '兑换奖品', idempotencyKey: randomUUID() }));
  const view = async (owner: PointsOwner & { token: string }) => (await api.get(`/api/v1/points/accounts/${owner.type}/${owner.id}`, owner.token)).body;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    adminToken = (await createLoggedInUser(api, { role: 'admin' })).token;
  });
  afterAll(() => api.close());

  it('raises the level as points are earned and keeps it when points are spent', async () => {
    const volunteer = await person();
    expect((await view(volunteer)).level).toEqual({ code: 'star-1', display: '一星志愿者', earnedInWindow: 0 });

    await earn(volunteer, 250);
    expect((await view(volunteer)).level).toEqual({ code: 'star-2', display: '二星志愿者', earnedInWindow: 250 });

    await spend(volunteer, 240);
    const afterSpending = await view(volunteer);
    expect(afterSpending.redeemable.balance).toBe(10);
    expect(afterSpending.level).toEqual({ code: 'star-2', display: '二星志愿者', earnedInWindow: 250 });

    await earn(volunteer, 60);
    expect((await view(volunteer)).level).toEqual({ code: 'star-3', display: '三星志愿者', earnedInWindow: 310 });
  });

  it('counts only the last 12 months and takes back a reversed earning', async () => {
    const volunteer = await person();
    await earn(volunteer, 900, DateTime.now().minus({ months: 13 }).toJSDate());
    const recent = await earn(volunteer, 120);
    expect((await view(volunteer)).level).toMatchObject({ code: 'star-2', earnedInWindow: 120 });

    const entryId = recent.entry?.id;
    expect(entryId).toEqual(expect.any(String));
    await runner().run((manager) => ledger().reverse(manager, String(entryId)));
    expect((await view(volunteer)).level).toMatchObject({ code: 'star-1', earnedInWindow: 0 });
  });

  it('gives organizations no volunteer level', async () => {
    const branch = await createPartyOrganization({ kind: 'branch', name: '小区A1党支部', unitId: (units.get('小区A1') as ScenarioUnit).id });
    const response = await api.get(`/api/v1/points/accounts/organization/${branch.id}`, adminToken);
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('level');
  });
});
