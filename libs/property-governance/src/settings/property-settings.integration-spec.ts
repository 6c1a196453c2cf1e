import {
  bootApi,
  createLoggedInUser,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { PropertySettings } from './property-settings.service';

const BASE = '/api/v1/property/settings';

interface Item {
  key: string;
  value: number;
  default: number;
  changed: boolean;
  updatedByUserId: string | null;
  updatedAt: string | null;
}

describe('property settings: deployment-wide, defaults until the admin changes them', () => {
  let api: TestApi;
  let admin: { token: string; id: string };
  let secretary: string;
  let settings: PropertySettings;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    const units: Map<string, ScenarioUnit> = await createUnitTree(smallDistrict());
    const community = units.get('社区A') as ScenarioUnit;
    admin = await createLoggedInUser(api, { role: 'admin' });
    secretary = (await createLoggedInUser(api, { role: 'secretary', unitId: community.id, unitPath: community.path }))
      .token;
    settings = api.app.get(PropertySettings);
  });
  afterAll(() => api.close());

  const put = (key: string, body: unknown, token = admin.token) =>
    api.request('PUT', `${BASE}/${key}`, { body, token });
  const item = async (key: string): Promise<Item> => {
    const response = await api.get(BASE, secretary);
    expect(response.status).toBe(200);
    return response.body.items.find((entry: Item) => entry.key === key);
  };

  it('answers the defaults, a changed value (with who and when), and the default again once removed', async () => {
    expect(await settings.value('committee.small-complex-heads')).toBe(0);
    expect(await settings.value('committee.small-complex-minimum')).toBe(3);
    expect(await item('committee.small-complex-heads')).toMatchObject({
      value: 0,
      default: 0,
      changed: false,
      updatedByUserId: null,
    });

    expect((await put('committee.small-complex-heads', { value: 300 })).status).toBe(200);
    expect(await settings.value('committee.small-complex-heads')).toBe(300);
    const changed = await item('committee.small-complex-heads');
    expect(changed).toMatchObject({ value: 300, default: 0, changed: true, updatedByUserId: admin.id });
    expect(changed.updatedAt).toEqual(expect.any(String));

    expect((await api.request('DELETE', `${BASE}/committee.small-complex-heads`, { token: admin.token })).status).toBe(
      200,
    );
    expect(await settings.value('committee.small-complex-heads')).toBe(0);
    expect(await item('committee.small-complex-heads')).toMatchObject({ value: 0, changed: false });
    const { rows } = await withTestDb((client) =>
      client.query(`SELECT action, actor_user_id FROM audit_log WHERE target_type = 'property-setting' ORDER BY seq`),
    );
    expect(rows).toEqual([
      { action: 'property.setting-changed', actor_user_id: admin.id },
      { action: 'property.setting-reset', actor_user_id: admin.id },
    ]);
  });

  it('refuses values out of range, an even committee minimum, unknown keys and anyone but the admin', async () => {
    expectProblem(await put('committee.small-complex-minimum', { value: 7 }), 400, 'property.setting-range');
    expectProblem(await put('committee.small-complex-minimum', { value: 0 }), 400, 'property.setting-range');
    expectProblem(await put('committee.small-complex-minimum', { value: 4 }), 400, 'property.setting-not-odd');
    expectProblem(await put('committee.small-complex-heads', { value: -1 }), 400, 'property.setting-range');
    expectProblem(await put('committee.size', { value: 5 }), 404, 'property.setting-unknown');
    expectProblem(await put('committee.small-complex-minimum', { value: 'five' }), 400, 'validation.failed');
    expectProblem(await put('committee.small-complex-minimum', { value: 5 }, secretary), 403, 'auth.forbidden');
    expectProblem(
      await api.request('DELETE', `${BASE}/committee.small-complex-minimum`, { token: secretary }),
      403,
      'auth.forbidden',
    );
    expect(await settings.value('committee.small-complex-minimum')).toBe(3);
    expect(await item('committee.small-complex-minimum')).toMatchObject({ changed: false });

    expect((await put('committee.small-complex-minimum', { value: 5 })).status).toBe(200);
    expect(await settings.value('committee.small-complex-minimum')).toBe(5);
  });
});
