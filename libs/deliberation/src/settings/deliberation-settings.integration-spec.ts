import {
  bootApi,
  createLoggedInUser,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
} from '@linli/testing';
import { DeliberationSettings } from './deliberation-settings.service';

const BASE = '/api/v1/deliberation/settings';

describe('deliberation settings: defaults, per unit kind, admin only', () => {
  let api: TestApi;
  let admin: string;
  let secretary: string;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    const units: Map<string, ScenarioUnit> = await createUnitTree(smallDistrict());
    const community = units.get('社区A') as ScenarioUnit;
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    secretary = (await createLoggedInUser(api, { role: 'secretary', unitId: community.id, unitPath: community.path }))
      .token;
  });
  afterAll(() => api.close());

  const put = (key: string, body: unknown, token = admin) => api.request('PUT', `${BASE}/${key}`, { body, token });

  it('answers the defaults until the deployment sets a value, then the value for its unit kind', async () => {
    const settings = api.app.get(DeliberationSettings);
    expect(await settings.value('proposal.cosigner-threshold', 'building')).toBe(10);
    expect(await settings.value('notice.working-days')).toBe(5);

    expect((await put('proposal.cosigner-threshold', { value: 20 })).status).toBe(200);
    const perKind = await put('proposal.cosigner-threshold', { value: 3, unitKind: 'building' });
    expect(perKind.status).toBe(200);
    expect(
      perKind.body.items.find((item: { key: string }) => item.key === 'proposal.cosigner-threshold'),
    ).toMatchObject({
      default: 10,
      values: [
        { unitKind: '*', value: 20 },
        { unitKind: 'building', value: 3 },
      ],
    });
    expect(await settings.value('proposal.cosigner-threshold', 'building')).toBe(3);
    expect(await settings.value('proposal.cosigner-threshold', 'complex')).toBe(20);

    const reset = await api.request('DELETE', `${BASE}/proposal.cosigner-threshold?unitKind=building`, {
      token: admin,
    });
    expect(reset.status).toBe(200);
    expect(await settings.value('proposal.cosigner-threshold', 'building')).toBe(20);
  });

  it('refuses values out of range, unknown keys, and anyone but the admin', async () => {
    expectProblem(await put('notice.working-days', { value: 0 }), 400, 'deliberation.setting-out-of-range');
    expectProblem(await put('notice.working-days', { value: 61 }), 400, 'deliberation.setting-out-of-range');
    expect((await put('notice.working-days', { value: 60 })).status).toBe(200);
    expectProblem(await put('notice.days', { value: 5 }), 404, 'deliberation.setting-unknown');
    expectProblem(await put('notice.working-days', { value: 'five' }), 400, 'validation.failed');
    expectProblem(await put('notice.working-days', { value: 4 }, secretary), 403, 'auth.forbidden');
    expect(await api.app.get(DeliberationSettings).value('notice.working-days')).toBe(60);
    expect((await api.get(BASE, secretary)).status).toBe(200);
  });
});
