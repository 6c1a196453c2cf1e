import {
  bootApi,
  createLoggedInUser,
  createMember,
  createPartyOrganization,
  createPeople,
  createUnitTree,
  csvImportFile,
  ImportCell,
  postImport,
  resetState,
  ScenarioPartyOrganization,
  ScenarioPerson,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
  xlsxImportFile,
} from '@linli/testing';

interface Counts {
  member_count: number;
  full_member_count: number;
}

async function countsOf(organizationId: string): Promise<Counts> {
  return withTestDb(
    async (client) =>
      (
        await client.query<Counts>('SELECT member_count, full_member_count FROM party_organizations WHERE id = $1', [
          organizationId,
        ])
      ).rows[0],
  );
}

async function members(): Promise<
  Map<
    string,
    {
      id: string;
      organization_id: string;
      category: string;
      status: string;
      joined_at: string;
      residence_path: string;
      updated_at: Date;
    }
  >
> {
  return withTestDb(async (client) => {
    const { rows } = await client.query(
      `SELECT p.external_id, m.id, m.organization_id, m.category, m.status, to_char(m.joined_at, 'YYYY-MM-DD') AS joined_at, m.residence_path, m.updated_at
         FROM party_members m JOIN people p ON p.id = m.person_id`,
    );
    return new Map(rows.map((row) => [row.external_id, row]));
  });
}

async function joinedEvents(): Promise<{ unit_id: string; actors: unknown; data: Record<string, unknown> }[]> {
  return withTestDb(
    async (client) =>
      (
        await client.query(
          `SELECT unit_id, actors, data FROM outbox_events WHERE type = 'organization.member.joined' ORDER BY seq`,
        )
      ).rows,
  );
}

const HEADER: ImportCell[] = ['personExternalId', 'organizationCode', 'category', 'status', 'joinedAt'];

describe('POST /api/v1/imports (members)', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: { token: string };
  let branchA: ScenarioPartyOrganization;
  let branchB: ScenarioPartyOrganization;
  let people: ScenarioPerson[];

  beforeAll(async () => {
    api = await bootApi();
  });
  beforeEach(async () => {
    await resetState();
    units = await createUnitTree(smallDistrict());
    const buildingA = units.get('楼栋A1-1') as ScenarioUnit;
    branchA = await createPartyOrganization({
      kind: 'branch',
      name: '小区A1党支部',
      code: 'ORG-A',
      unitId: (units.get('小区A1') as ScenarioUnit).id,
    });
    branchB = await createPartyOrganization({
      kind: 'branch',
      name: '小区B1党支部',
      code: 'ORG-B',
      unitId: (units.get('小区B1') as ScenarioUnit).id,
    });
    people = await createPeople([
      { name: '王芳', residence: buildingA, externalId: 'P-1' },
      { name: '李强', residence: buildingA, externalId: 'P-2' },
      { name: '张伟', residence: buildingA, externalId: 'P-3' },
      { name: '赵敏', residence: units.get('楼栋B1-1') as ScenarioUnit, externalId: 'P-4' },
    ]);
    admin = await createLoggedInUser(api, { role: 'admin' });
  });
  afterAll(() => api.close());

  it('creates members, maintains the organizations’ counts and residence paths, and publishes one joined event per new member', async () => {
    const file = csvImportFile([
      HEADER,
      ['P-1', 'ORG-A', 'resident', 'full', '2001-07-01'],
      ['P-2', 'ORG-A', 'retired', 'probationary', '2025-06-30'],
      ['P-4', 'ORG-B', 'in_service', 'full', '1999-10-01'],
    ]);
    const response = await postImport(api, admin.token, 'members', file);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'members',
      displayKind: '党员',
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    expect(await countsOf(branchA.id)).toEqual({ member_count: 2, full_member_count: 1 });
    expect(await countsOf(branchB.id)).toEqual({ member_count: 1, full_member_count: 1 });

    const stored = await members();
    expect(stored.get('P-1')).toMatchObject({
      organization_id: branchA.id,
      category: 'resident',
      status: 'full',
      joined_at: '2001-07-01',
      residence_path: people[0].residencePath,
    });
    const events = await joinedEvents();
    expect(events).toHaveLength(3);
    expect(events[0]).toEqual({
      unit_id: branchA.unitId,
      actors: [{ personId: people[0].id, role: 'member' }],
      data: {
        memberId: stored.get('P-1')?.id,
        personId: people[0].id,
        organizationId: branchA.id,
        category: 'resident',
        status: 'full',
      },
    });
  });

  it('reads Chinese headers, categories and statuses from an XLSX file', async () => {
    const file = await xlsxImportFile([
      ['人员编号', '党组织编码', '类别', '状态', '入党日期'],
      ['P-1', 'ORG-A', '居民党员', '正式', new Date(Date.UTC(2001, 6, 1))],
      ['P-2', 'ORG-A', '新就业群体党员', '预备', '2025-06-30'],
      ['P-3', 'ORG-A', '流动', '正式党员', '2010/3/5'],
    ]);
    const response = await postImport(api, admin.token, 'members', file, '党员.xlsx');
    expect(response.status).toBe(201);
    const stored = await members();
    expect(stored.get('P-1')).toMatchObject({ category: 'resident', status: 'full', joined_at: '2001-07-01' });
    expect(stored.get('P-2')).toMatchObject({ category: 'new_employment', status: 'probationary' });
    expect(stored.get('P-3')).toMatchObject({ category: 'floating', status: 'full', joined_at: '2010-03-05' });
    expect(await countsOf(branchA.id)).toEqual({ member_count: 3, full_member_count: 2 });
  });

  it('changes nothing on re-import, and a changed status updates that member and the counts', async () => {
    const rows: ImportCell[][] = [
      HEADER,
      ['P-1', 'ORG-A', 'resident', 'full', '2001-07-01'],
      ['P-2', 'ORG-A', 'retired', 'probationary', '2025-06-30'],
    ];
    await postImport(api, admin.token, 'members', csvImportFile(rows));
    const first = await members();

    const again = await postImport(api, admin.token, 'members', csvImportFile(rows));
    expect(again.body).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    expect((await members()).get('P-2')?.updated_at).toEqual(first.get('P-2')?.updated_at);
    expect(await joinedEvents()).toHaveLength(2);

    const promoted = rows.map((row) => [...row]);
    promoted[2][3] = '正式';
    const third = await postImport(api, admin.token, 'members', csvImportFile(promoted));
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await countsOf(branchA.id)).toEqual({ member_count: 2, full_member_count: 2 });
    const after = await members();
    expect(after.get('P-2')?.status).toBe('full');
    expect(after.get('P-1')?.updated_at).toEqual(first.get('P-1')?.updated_at);
    expect(await joinedEvents()).toHaveLength(2);
  });

  it('refuses unknown people and organizations, bad values, duplicates and transfers, and writes nothing', async () => {
    await createMember({ personId: people[3].id, organizationId: branchB.id });
    const file = csvImportFile([
      HEADER,
      ['P-1', 'ORG-A', 'resident', 'full', '2001-07-01'],
      ['P-404', 'ORG-A', 'resident', 'full', '2001-07-01'],
      ['P-2', 'ORG-404', 'resident', 'full', '2001-07-01'],
      ['P-3', 'ORG-A', '群众', '积极分子', '2101-01-01'],
      ['P-1', 'ORG-A', 'resident', 'full', '2001-07-01'],
      ['P-4', 'ORG-A', 'resident', 'full', '2001-07-01'],
    ]);
    const response = await postImport(api, admin.token, 'members', file);
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '3:personExternalId',
      '4:organizationCode',
      '5:category',
      '5:status',
      '5:joinedAt',
      '6:personExternalId',
      '7:organizationCode',
    ]);
    expect(response.body.errors[6].message).toContain('组织关系转接');
    expect((await members()).size).toBe(1);
    expect(await countsOf(branchA.id)).toEqual({ member_count: 0, full_member_count: 0 });
    expect(await joinedEvents()).toHaveLength(0);
  });

  it('keeps a community admin to their community: organizations and people of a sibling community are row errors', async () => {
    const communityA = units.get('社区A') as ScenarioUnit;
    const unitAdmin = await createLoggedInUser(api, {
      role: 'admin',
      unitId: communityA.id,
      unitPath: communityA.path,
    });
    const response = await postImport(
      api,
      unitAdmin.token,
      'members',
      csvImportFile([
        HEADER,
        ['P-1', 'ORG-A', 'resident', 'full', '2001-07-01'],
        ['P-2', 'ORG-B', 'resident', 'full', '2001-07-01'],
        ['P-4', 'ORG-A', 'resident', 'full', '2001-07-01'],
      ]),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '3:organizationCode',
      '4:personExternalId',
    ]);
    expect((await members()).size).toBe(0);
  });
});
