import { Clock } from '@linli/platform';
import {
  bootApi,
  createLoggedInUser,
  createPerson,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  TestApi,
  withTestDb,
} from '@linli/testing';

/** The volunteer tables that keep a copy of their unit's path. */
const COPIES = [
  'volunteer_profiles',
  'volunteer_teams',
  'volunteer_demands',
  'volunteer_activities',
  'volunteer_hour_requests',
  'volunteer_posts',
];

/** Per table: rows, and rows whose copy differs from the unit's current path (all zero when consistent). */
async function copies(): Promise<Record<string, { rows: number; stale: number }>> {
  return withTestDb(async (client) => {
    const result: Record<string, { rows: number; stale: number }> = {};
    for (const table of COPIES) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS rows, count(*) FILTER (WHERE t.unit_path <> u.path)::int AS stale FROM ${table} t JOIN units u ON u.id = t.unit_id`,
      );
      result[table] = rows[0];
    }
    return result;
  });
}

/** 09:00 Beijing time on a Saturday. */
const NOW = new Date('2026-11-28T01:00:00Z');
const HOUR = 3600_000;
const at = (hours: number): string => new Date(NOW.getTime() + hours * HOUR).toISOString();

/**
 * 示范市 ── 示范区 ─┬─ 东街道 ─┬─ 社区A ── 网格A1 ── 小区A1 ── 楼栋A1-1
 *                  │          └─ 社区B
 *                  └─ 西街道 ─── 社区C
 */
describe('volunteer rows follow a subtree move', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let cityAdmin: string;
  let eastSecretary: string;
  let westSecretary: string;
  let activityId: string;
  let teamId: string;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const staff = async (role: 'admin' | 'secretary', name: string) =>
    (await createLoggedInUser(api, { role, unitId: unit(name).id, unitPath: unit(name).path })).token;
  const activitiesUnder = async (name: string, token = cityAdmin): Promise<string[]> =>
    (await api.get(`/api/v1/volunteers/activities?unitId=${unit(name).id}`, token)).body.items.map(
      (a: { id: string }) => a.id,
    );

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(NOW));
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
              name: '东街道',
              children: [
                {
                  kind: 'community',
                  name: '社区A',
                  children: [
                    {
                      kind: 'grid',
                      name: '网格A1',
                      children: [
                        { kind: 'complex', name: '小区A1', children: [{ kind: 'building', name: '楼栋A1-1' }] },
                      ],
                    },
                  ],
                },
                { kind: 'community', name: '社区B' },
              ],
            },
            { kind: 'street', name: '西街道', children: [{ kind: 'community', name: '社区C' }] },
          ],
        },
      ],
    });
    cityAdmin = await staff('admin', '示范市');
    eastSecretary = await staff('secretary', '东街道');
    westSecretary = await staff('secretary', '西街道');
    const person = await createPerson({ name: '李志愿', residenceUnitId: unit('楼栋A1-1').id });
    const resident = (await createLoggedInUser(api, { personId: person.id })).token;

    // One row of every volunteer table that keeps a path copy, inside the subtree that will move.
    const created = await Promise.all([
      api.post(
        '/api/v1/volunteers/profiles',
        { unitId: unit('楼栋A1-1').id, skills: ['legal'], availability: ['weekend_daytime'] },
        resident,
      ),
      api.post(
        '/api/v1/volunteers/teams',
        { unitId: unit('社区A').id, name: '社区A红马甲', kind: 'red_vest' },
        cityAdmin,
      ),
      api.post(
        '/api/v1/volunteers/demands',
        { kind: 'micro_wish', unitId: unit('小区A1').id, title: '修理门锁' },
        resident,
      ),
      api.post(
        '/api/v1/volunteers/activities',
        {
          unitId: unit('网格A1').id,
          title: '社区清洁日',
          kind: 'service',
          startsAt: at(24),
          endsAt: at(26),
          capacity: 10,
        },
        cityAdmin,
      ),
      api.post(
        '/api/v1/volunteers/hour-requests',
        { date: '2026-11-27', hours: 2, description: '陪伴老人', unitId: unit('社区A').id },
        resident,
      ),
      api.post(
        '/api/v1/volunteers/posts',
        {
          unitId: unit('社区A').id,
          title: '党群服务中心值班岗',
          slotsPerShift: 2,
          shifts: [{ startsAt: at(24), endsAt: at(27) }],
        },
        cityAdmin,
      ),
    ]);
    expect(created.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201]);
    teamId = created[1].body.id;
    activityId = created[3].body.id;
    expect(Object.values(await copies())).toEqual(COPIES.map(() => ({ rows: 1, stale: 0 })));
    expect(await activitiesUnder('东街道')).toEqual([activityId]);
    expect(await activitiesUnder('西街道')).toEqual([]);
  });
  afterAll(() => api.close());

  it('rewrites every volunteer path copy in the move, and lists by the new street', async () => {
    const moved = await api.post(`/api/v1/units/${unit('社区A').id}/move`, { parentId: unit('西街道').id }, cityAdmin);
    expect(moved.status).toBe(200);

    expect(Object.values(await copies())).toEqual(COPIES.map(() => ({ rows: 1, stale: 0 })));
    const audit = await withTestDb((client) =>
      client.query(`SELECT data FROM audit_log WHERE action = 'units.moved' AND target_id = $1`, [unit('社区A').id]),
    );
    expect(audit.rows[0].data.rewritten).toMatchObject({
      volunteerProfiles: 1,
      volunteerTeams: 1,
      volunteerDemands: 1,
      volunteerActivities: 1,
      volunteerHourRequests: 1,
      volunteerPosts: 1,
    });

    expect(await activitiesUnder('西街道')).toEqual([activityId]);
    expect(await activitiesUnder('东街道')).toEqual([]);
    expect(await activitiesUnder('社区A')).toEqual([activityId]);
  });

  it('decides scope by the rewritten copies: the new street reaches the rows, the old one no longer', async () => {
    expect((await api.get(`/api/v1/volunteers/teams/${teamId}`, westSecretary)).status).toBe(200);
    expectProblem(await api.get(`/api/v1/volunteers/teams/${teamId}`, eastSecretary), 404, 'resource.not-found');
    expect(await activitiesUnder('西街道', westSecretary)).toEqual([activityId]);
    const profiles = await api.get('/api/v1/volunteers/profiles', westSecretary);
    expect(profiles.body.items.map((p: { personName: string }) => p.personName)).toEqual(['李志愿']);
    expect((await api.get('/api/v1/volunteers/profiles', eastSecretary)).body.items).toEqual([]);
    expect(
      (await api.get('/api/v1/volunteers/demands', westSecretary)).body.items.map((d: { title: string }) => d.title),
    ).toEqual(['修理门锁']);
    expect((await api.get('/api/v1/volunteers/hour-requests', westSecretary)).body.items).toHaveLength(1);
    expect(
      (await api.get('/api/v1/volunteers/posts', westSecretary)).body.items.map((p: { title: string }) => p.title),
    ).toEqual(['党群服务中心值班岗']);
    expect((await api.get('/api/v1/volunteers/posts', eastSecretary)).body.items).toEqual([]);
  });
});
