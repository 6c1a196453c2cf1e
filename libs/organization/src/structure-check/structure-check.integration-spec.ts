import { Clock } from '@linli/platform';
import {
  analyticsFixtures as fx,
  bootApi,
  createLoggedInUser,
  createUnitTree,
  resetState,
  ScenarioUnit,
  TestApi,
  UnitSpec,
  withTestDb,
} from '@linli/testing';

/** 2026-11-22 10:00 in Beijing: "today" of every check below. */
const NOW = new Date('2026-11-22T02:00:00Z');

const complexes = (names: string[]): UnitSpec[] =>
  names.map((name) => ({ kind: 'complex', name, children: [{ kind: 'building', name: `${name}-1号楼` }] }));

function tree(): UnitSpec {
  const numbered = Array.from({ length: 14 }, (_, i) => `小区M${i + 3}`);
  return {
    kind: 'city',
    name: '示范市',
    children: [
      {
        kind: 'district',
        name: '示范区',
        children: [
          {
            kind: 'street',
            name: '示范街道',
            children: [
              {
                kind: 'community',
                name: '社区A',
                residents: 10000,
                children: [
                  { kind: 'grid', name: '网格A1', children: complexes(['小区M1', '小区M2']) },
                  { kind: 'grid', name: '网格A2', children: complexes(numbered.slice(0, 7)) },
                  { kind: 'grid', name: '网格A3', children: complexes(numbered.slice(7)) },
                ],
              },
              { kind: 'community', name: '社区B', residents: 5000, children: [{ kind: 'grid', name: '网格B1' }] },
              { kind: 'community', name: '社区C', residents: 0 },
            ],
          },
        ],
      },
    ],
  };
}

interface Built {
  orgs: Record<string, string>;
}

/** Positive and negative cases of every rule (the comments give the expected answer). */
async function build(u: Map<string, ScenarioUnit>): Promise<Built> {
  const at = (name: string) => u.get(name) as ScenarioUnit;
  const orgs: Record<string, string> = {};
  const org = async (
    name: string,
    kind: 'committee' | 'general_branch' | 'branch' | 'joint_branch',
    unit: string,
    covers?: string[],
  ) => {
    orgs[name] = await fx.organization({ kind, name, unit: at(unit), covers: covers?.map(at) });
    return orgs[name];
  };
  const withCommittee = async (organization: string, personId: string) =>
    fx.officer(organization, personId, { role: 'committee_member', termStart: '2024-01-01', termEnd: '2029-01-01' });

  const communityOrg = await org('社区A党委', 'committee', '社区A');
  // branch.missing: 小区M1 has 3 full members living in a building (yes); 小区M2 has 2 full + 3 probationary (no).
  await fx.members(communityOrg, at('小区M1-1号楼'), 3);
  await fx.members(communityOrg, at('小区M2'), 2);
  await fx.members(communityOrg, at('小区M2-1号楼'), 3, { status: 'probationary' });
  // 小区M3 (7 full, own branch without committee): branch.missing no, branch.committee-missing yes (an ended committee member does not count).
  const seven = await org('七人支部', 'branch', '小区M3');
  const sevenMembers = await fx.members(seven, at('小区M3'), 7);
  await fx.officer(seven, sevenMembers.personIds[0], {
    role: 'committee_member',
    termStart: '2020-01-01',
    termEnd: '2025-01-01',
    endedAt: '2025-01-02T00:00:00Z',
  });
  // 小区M4: 5 full members, only a joint branch covering 5 units (branch.missing yes; too-many-units no).
  const jointFive = await org('五单位联合支部', 'joint_branch', '小区M4', [
    '小区M4',
    '小区M5',
    '小区M6',
    '小区M7',
    '小区M8',
  ]);
  await fx.members(jointFive, at('小区M4'), 5);
  // 小区M9: 7 full with a committee (no); 小区M10: 6 full + 2 probationary (no).
  const sevenWithCommittee = await org('七人有委员支部', 'branch', '小区M9');
  await withCommittee(sevenWithCommittee, (await fx.members(sevenWithCommittee, at('小区M9'), 7)).personIds[1]);
  const six = await org('六人支部', 'branch', '小区M10');
  await fx.members(six, at('小区M10'), 6);
  await fx.members(six, at('小区M10'), 2, { status: 'probationary' });
  // joint-branch.too-many-units: 6 covered units (yes).
  await org('六单位联合支部', 'joint_branch', '小区M11', [
    '小区M11',
    '小区M12',
    '小区M13',
    '小区M14',
    '小区M15',
    '小区M16',
  ]);

  // Sizes (members live at the community itself, so no complex rule is touched).
  const sized = async (name: string, kind: 'committee' | 'general_branch' | 'branch', members: number) => {
    const id = await org(name, kind, '社区A');
    const created = await fx.members(id, at('社区A'), members);
    if (kind === 'branch') await withCommittee(id, created.personIds[0]);
  };
  await sized('五十一人支部', 'branch', 51); // oversized yes, should-be-general-branch yes
  await sized('五十人支部', 'branch', 50); // oversized no, should-be-general-branch yes
  await sized('四十九人支部', 'branch', 49); // neither
  await sized('百人党总支', 'general_branch', 100); // should-be-committee yes
  await sized('九十九人党总支', 'general_branch', 99); // no
  await sized('百二十人党委', 'committee', 120); // no: already a committee

  // Officer terms (today 2026-11-22; 90 days ahead is 2027-02-20).
  const [p1, p2, p3, p4, p5, p6] = await fx.people(at('社区B'), 6, '书记');
  const ending = await org('任期将满支部', 'branch', '社区B');
  await fx.officer(ending, p1, { role: 'secretary', termStart: '2022-01-10', termEnd: '2027-01-10' }); // 49 days left
  await fx.officer(ending, p2, { role: 'committee_member', termStart: '2022-02-20', termEnd: '2027-02-20' }); // 90 days: still ending
  const lastDay = await org('今日届满支部', 'branch', '社区B');
  await fx.officer(lastDay, p3, { role: 'secretary', termStart: '2021-11-22', termEnd: '2026-11-22' }); // ends today: ending, 0 days
  const later = await org('任期充裕支部', 'branch', '社区B');
  await fx.officer(later, p4, { role: 'secretary', termStart: '2022-02-21', termEnd: '2027-02-21' }); // 91 days: no
  const ended = await org('任期已满支部', 'branch', '社区B');
  await fx.officer(ended, p5, { role: 'secretary', termStart: '2021-11-21', termEnd: '2026-11-21' }); // ended yesterday
  const reelected = await org('已换届支部', 'branch', '社区B');
  await fx.officer(reelected, p6, {
    role: 'secretary',
    termStart: '2021-10-01',
    termEnd: '2026-10-01',
    endedAt: '2026-10-01T00:00:00Z',
  }); // ended and replaced: no
  await fx.officer(reelected, p6, { role: 'secretary', termStart: '2026-10-01', termEnd: '2031-10-01' });

  // grid.no-worker: 网格A1 active (no), 网格A2 only an ended worker (yes), 网格A3 none (yes), 网格B1 active (no).
  const [w1, w2, w3] = await fx.people(at('社区A'), 3, '网格员');
  await fx.staffRole(w1, 'grid_worker', at('网格A1'));
  await fx.staffRole(w2, 'grid_worker', at('网格A2'), '2026-06-01T00:00:00Z');
  await fx.staffRole(w3, 'grid_worker', at('网格B1'));
  // community.understaffed: 社区A 10,000 residents, 18 workers (no); 社区B 5,000 residents, 8 workers + 1 ended (yes: 9 needed); 社区C no residents (no).
  await fx.staff('community_worker', at('社区A'), 18);
  await fx.staff('community_worker', at('社区B'), 8);
  const [gone] = await fx.people(at('社区B'), 1);
  await fx.staffRole(gone, 'community_worker', at('社区B'), '2026-01-01T00:00:00Z');
  return { orgs };
}

interface FindingBody {
  rule: string;
  displayRule: string;
  unitId: string;
  unitName: string;
  organizationId?: string;
  organizationName?: string;
  message: string;
  numbers: Record<string, number>;
}

describe('structure check: every rule on a hand-built tree', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let built: Built;
  let admin: string;
  const id = (name: string) => (units.get(name) as ScenarioUnit).id;

  async function all(
    unit: string,
    token = admin,
  ): Promise<{ items: FindingBody[]; totals: Record<string, number>; asOf: string }> {
    const response = await api.get(`/api/v1/units/${id(unit)}/structure-check?limit=100`, token);
    expect(response.status).toBe(200);
    return response.body;
  }
  const named = (items: FindingBody[], rule: string) =>
    items
      .filter((f) => f.rule === rule)
      .map((f) => f.organizationName ?? f.unitName)
      .sort();

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(NOW));
    units = await createUnitTree(tree());
    built = await build(units);
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
  });
  afterAll(() => api.close());

  it('flags complexes with 3 or more full members living there and no branch of their own', async () => {
    const { items, asOf } = await all('示范市');
    expect(asOf).toBe('2026-11-22');
    expect(named(items, 'branch.missing')).toEqual(['小区M1', '小区M4']);
    const m4 = items.find((f) => f.rule === 'branch.missing' && f.unitName === '小区M4') as FindingBody;
    expect(m4).toMatchObject({
      unitId: id('小区M4'),
      displayRule: '小区应建未建党支部',
      numbers: { fullMembers: 5, threshold: 3 },
    });
    expect(m4.organizationId).toBeUndefined();
    expect(m4.message).toBe(
      '「小区M4」居住正式党员 5 名，目前仅由联合党支部覆盖，尚未建立本小区党支部（正式党员 3 名以上应当成立党支部）',
    );
  });

  it('flags branches with 7 or more full members and no active committee member', async () => {
    const { items } = await all('示范市');
    expect(named(items, 'branch.committee-missing')).toEqual(['七人支部']);
    expect(items.find((f) => f.rule === 'branch.committee-missing')).toMatchObject({
      organizationId: built.orgs['七人支部'],
      unitId: id('小区M3'),
      numbers: { fullMembers: 7, committeeMembers: 0 },
    });
  });

  it('flags branches over 50 members, and organizations whose size calls for a general branch or a committee', async () => {
    const { items } = await all('示范市');
    expect(named(items, 'branch.oversized')).toEqual(['五十一人支部']);
    expect(items.find((f) => f.rule === 'branch.oversized')?.numbers).toEqual({ members: 51, limit: 50 });
    expect(named(items, 'organization.should-be-general-branch')).toEqual(['五十一人支部', '五十人支部']);
    expect(named(items, 'organization.should-be-committee')).toEqual(['百人党总支']);
    expect(items.find((f) => f.rule === 'organization.should-be-committee')?.message).toBe(
      '「百人党总支」有党员 100 名，党员 100 名以上的应当报经批准成立基层党委',
    );
  });

  it('flags joint branches covering more than 5 units', async () => {
    const { items } = await all('示范市');
    expect(named(items, 'joint-branch.too-many-units')).toEqual(['六单位联合支部']);
    expect(items.find((f) => f.rule === 'joint-branch.too-many-units')?.numbers).toEqual({ coveredUnits: 6, limit: 5 });
  });

  it("flags organizations whose active officers' terms end within 90 days (today included) or have ended", async () => {
    const { items } = await all('示范市');
    expect(named(items, 'officer.term-ending')).toEqual(['今日届满支部', '任期将满支部']);
    expect(items.find((f) => f.organizationName === '任期将满支部')).toMatchObject({
      numbers: { officers: 2, daysLeft: 49 },
      message: '「任期将满支部」有 2 名班子成员的任期将于 2027-01-10 届满（还有 49 天），请及时做好换届准备',
    });
    expect(items.find((f) => f.organizationName === '今日届满支部')?.numbers).toEqual({ officers: 1, daysLeft: 0 });
    expect(named(items, 'officer.term-ended')).toEqual(['任期已满支部']);
    expect(items.find((f) => f.rule === 'officer.term-ended')?.numbers).toEqual({ officers: 1, daysOverdue: 1 });
  });

  it('flags grids without an active grid worker and communities below 18 community workers per 10,000 residents', async () => {
    const { items } = await all('示范市');
    expect(named(items, 'grid.no-worker')).toEqual(['网格A2', '网格A3']);
    expect(items.find((f) => f.unitName === '网格A3')?.message).toBe('「社区A网格A3」没有在岗的网格员');
    expect(named(items, 'community.understaffed')).toEqual(['社区B']);
    expect(items.find((f) => f.rule === 'community.understaffed')?.numbers).toEqual({
      communityWorkers: 8,
      residents: 5000,
      required: 9,
    });
  });

  it('lists findings by rule in contract order and counts them per rule', async () => {
    const { items, totals } = await all('示范市');
    expect(totals).toEqual({
      'branch.missing': 2,
      'branch.committee-missing': 1,
      'branch.oversized': 1,
      'organization.should-be-general-branch': 2,
      'organization.should-be-committee': 1,
      'joint-branch.too-many-units': 1,
      'officer.term-ending': 2,
      'officer.term-ended': 1,
      'grid.no-worker': 2,
      'community.understaffed': 1,
    });
    const order = [
      'branch.missing',
      'branch.committee-missing',
      'branch.oversized',
      'organization.should-be-general-branch',
      'organization.should-be-committee',
      'joint-branch.too-many-units',
      'officer.term-ending',
      'officer.term-ended',
      'grid.no-worker',
      'community.understaffed',
    ];
    const ranks = items.map((f) => order.indexOf(f.rule));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(items).toHaveLength(14);
  });

  it('pages through the findings with a cursor and filters by rule', async () => {
    const { items } = await all('示范市');
    const seen: FindingBody[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=4&cursor=${encodeURIComponent(cursor)}` : 'limit=4';
      const page = await api.get(`/api/v1/units/${id('示范市')}/structure-check?${query}`, admin);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items);
    const grids = await api.get(`/api/v1/units/${id('示范市')}/structure-check?rule=grid.no-worker`, admin);
    expect(grids.body.items.map((f: FindingBody) => f.unitName)).toEqual(['网格A2', '网格A3']);
    expect(grids.body.totals['branch.missing']).toBe(2);
    const bad = await api.get(`/api/v1/units/${id('示范市')}/structure-check?rule=branch.unknown`, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation.failed');
  });

  it("keeps to the subtree asked about, and answers 404 outside the caller's scope", async () => {
    const community = await all('社区B');
    expect(new Set(community.items.map((f) => f.rule))).toEqual(
      new Set(['officer.term-ending', 'officer.term-ended', 'community.understaffed']),
    );
    const grid = await all('网格A3');
    // The joint branch anchored at 小区M11 lies in 网格A3's subtree; 网格A2's findings do not.
    expect(grid.items.map((f) => [f.rule, f.unitName])).toEqual([
      ['joint-branch.too-many-units', '小区M11'],
      ['grid.no-worker', '网格A3'],
    ]);

    const secretary = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: id('社区B'),
      unitPath: (units.get('社区B') as ScenarioUnit).path,
    });
    expect((await api.get(`/api/v1/units/${id('社区B')}/structure-check`, secretary.token)).status).toBe(200);
    const sibling = await api.get(`/api/v1/units/${id('社区A')}/structure-check`, secretary.token);
    expect(sibling.status).toBe(404);
    expect(sibling.body.code).toBe('resource.not-found');
  });

  it("applies a deployment's own threshold from organization_structure_rules", async () => {
    await fx.structureRule('branchMinFullMembers', 2);
    try {
      const { items } = await all('示范市');
      expect(named(items, 'branch.missing')).toEqual(['小区M1', '小区M2', '小区M4']);
      expect(items.find((f) => f.unitName === '小区M2')?.message).toContain('正式党员 2 名以上应当成立党支部');
    } finally {
      await withTestDb((db) => db.query(`DELETE FROM organization_structure_rules`));
    }
  });
});
