import {
  bootApi,
  countRows,
  createLoggedInUser,
  createUnitTree,
  csvImportFile,
  ImportCell,
  multipartBody,
  postImport,
  resetState,
  ScenarioUnit,
  TestApi,
  UnitSpec,
  withTestDb,
  xlsxImportFile,
} from '@linli/testing';

/** 示范市 (C) → 示范区 (D) → 示范街道 (S) → 社区A (CA), 社区B (CB), each with a grid. */
function codedDistrict(): UnitSpec {
  const community = (letter: string): UnitSpec => ({
    kind: 'community',
    name: `社区${letter}`,
    code: `C${letter}`,
    residents: 5000,
    households: 1800,
    children: [{ kind: 'grid', name: `网格${letter}1`, code: `G${letter}1` }],
  });
  return {
    kind: 'city',
    name: '示范市',
    code: 'C',
    children: [
      {
        kind: 'district',
        name: '示范区',
        code: 'D',
        children: [{ kind: 'street', name: '示范街道', code: 'S', children: [community('A'), community('B')] }],
      },
    ],
  };
}

interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  depth: number;
  residents: number;
  households: number;
  area_m2: string | null;
  updated_at: Date;
}

async function unitsByCode(): Promise<Map<string, UnitRow>> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<UnitRow>(
      'SELECT id, code, name, kind, parent_id, path, depth, residents, households, area_m2, updated_at FROM units',
    );
    return new Map(rows.map((row) => [row.code, row]));
  });
}

const HEADER: ImportCell[] = ['code', 'name', 'kind', 'parentCode', 'residents', 'households', 'areaM2'];

describe('POST /api/v1/imports (units)', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: { token: string; id: string };

  beforeAll(async () => {
    api = await bootApi();
  });
  beforeEach(async () => {
    await resetState();
    units = await createUnitTree(codedDistrict());
    admin = await createLoggedInUser(api, { role: 'admin' });
  });
  afterAll(() => api.close());

  it('creates units whose parents come later in the file, parents first, with paths and depths', async () => {
    const file = csvImportFile([
      HEADER,
      ['B-1', '1号楼', 'building', 'X-1', '', '', ''],
      ['X-1', '幸福小区', 'complex', 'G-new', 1200, 400, '35000.5'],
      ['G-new', '网格A2', 'grid', 'CA', '', '', ''],
    ]);
    const response = await postImport(api, admin.token, 'units', file);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      batchId: expect.any(String),
      kind: 'units',
      displayKind: '治理单元',
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
    });

    const stored = await unitsByCode();
    const grid = stored.get('G-new') as UnitRow;
    const complex = stored.get('X-1') as UnitRow;
    const building = stored.get('B-1') as UnitRow;
    const community = units.get('社区A') as ScenarioUnit;
    expect(grid).toMatchObject({ kind: 'grid', parent_id: community.id, depth: 4 });
    expect(grid.path).toMatch(new RegExp(`^${community.path.replace(/\./g, '\\.')}\\.\\d+$`));
    expect(complex).toMatchObject({
      kind: 'complex',
      name: '幸福小区',
      parent_id: grid.id,
      depth: 5,
      residents: 1200,
      households: 400,
      area_m2: '35000.50',
    });
    expect(complex.path.startsWith(`${grid.path}.`)).toBe(true);
    expect(building).toMatchObject({ parent_id: complex.id, depth: 6 });
    expect(building.path.startsWith(`${complex.path}.`)).toBe(true);
  });

  it('reads Chinese headers and Chinese kind names from an XLSX file', async () => {
    const file = await xlsxImportFile([
      ['编码', '名称', '类型', '上级编码', '常住人口', '户数', '面积'],
      ['X-2', '和平小区', '小区', 'GA1', 800, 260, 12000],
      ['B-2', '2号楼', '楼栋', 'X-2', null, null, null],
      ['CC', '社区C', '社区', 'S', 3000, 1000, null],
    ]);
    const response = await postImport(api, admin.token, 'units', file, '单元.xlsx');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ rows: 3, created: 3 });
    expect((await api.get(`/api/v1/imports/${response.body.batchId}`, admin.token)).body.fileName).toBe('单元.xlsx');
    const stored = await unitsByCode();
    expect(stored.get('X-2')).toMatchObject({ kind: 'complex', parent_id: units.get('网格A1')?.id, residents: 800 });
    expect(stored.get('B-2')).toMatchObject({ kind: 'building', parent_id: stored.get('X-2')?.id });
    expect(stored.get('CC')).toMatchObject({
      kind: 'community',
      parent_id: units.get('示范街道')?.id,
      households: 1000,
    });
  });

  it('refuses a file with one bad row, writes nothing, and names the row and column', async () => {
    const before = await countRows('SELECT count(*) AS n FROM units');
    const file = csvImportFile([
      ['编码', '名称', '类型', '上级编码'],
      ['X-3', '好小区', '小区', 'GA1'],
      ['X-4', '坏小区', '公园', 'GA1'],
      ['B-3', '3号楼', '楼栋', 'X-3'],
    ]);
    const response = await postImport(api, admin.token, 'units', file);
    expect(response.status).toBe(422);
    expect(String(response.headers['content-type'])).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      code: 'organization.import-invalid',
      status: 422,
      errorCount: 1,
      errorsTruncated: false,
    });
    expect(response.body.errors).toEqual([
      { row: 3, column: '类型', field: 'kind', message: expect.stringContaining('公园') },
    ]);
    expect(await countRows('SELECT count(*) AS n FROM units')).toBe(before);
    expect(await countRows('SELECT count(*) AS n FROM import_batches')).toBe(0);
    expect(await countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'imports.applied'`)).toBe(0);
  });

  it('lists every bad row: missing fields, wrong parent kind, unknown parents, duplicates, loops', async () => {
    const file = csvImportFile([
      HEADER,
      ['', '无编码', 'grid', 'CA', '', '', ''],
      ['X-5', '小区', 'complex', 'S', '', '', ''],
      ['X-6', '小区', 'complex', 'NOPE', '', '', ''],
      ['X-7', '小区', 'complex', 'CA', '-5', '', ''],
      ['X-7', '重复', 'complex', 'CA', '', '', ''],
      ['G-9', '网格', 'grid', '', '', '', ''],
      ['B-8', '楼', 'building', 'B-9', '', '', ''],
      ['B-9', '楼', 'building', 'B-8', '', '', ''],
      ['C-2', '新市', 'city', 'C', '', '', ''],
    ]);
    const response = await postImport(api, admin.token, 'units', file);
    expect(response.status).toBe(422);
    const errors = response.body.errors as { row: number; field: string }[];
    expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual([
      '2:code',
      '3:parentCode',
      '4:parentCode',
      '5:residents',
      '6:code',
      '7:parentCode',
      '8:parentCode',
      '9:parentCode',
      '10:parentCode',
    ]);
    expect(await countRows(`SELECT count(*) AS n FROM units WHERE code LIKE 'X-%'`)).toBe(0);
  });

  it('lists at most 200 row errors and says how many there are', async () => {
    const rows: ImportCell[][] = [HEADER];
    for (let i = 0; i < 250; i += 1) rows.push([`X-${i}`, `小区${i}`, '公园', 'CA', '', '', '']);
    const response = await postImport(api, admin.token, 'units', csvImportFile(rows));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      errorCount: 250,
      errorsTruncated: true,
      detail: expect.stringContaining('250'),
    });
    expect(response.body.errors).toHaveLength(200);
    expect(response.body.errors[199].row).toBe(201);
  });

  it('changes nothing when the same file is imported again, and updates only the row whose value changed', async () => {
    const rows: ImportCell[][] = [
      HEADER,
      ['X-1', '幸福小区', 'complex', 'GA1', 1200, 400, '35000.5'],
      ['X-2', '和平小区', 'complex', 'GA1', 800, 260, ''],
      ['CA', '社区A', 'community', 'S', 5000, 1800, ''],
    ];
    const first = await postImport(api, admin.token, 'units', csvImportFile(rows));
    expect(first.body).toMatchObject({ rows: 3, created: 2, updated: 0, unchanged: 1 });
    const afterFirst = await unitsByCode();

    const again = await postImport(api, admin.token, 'units', csvImportFile(rows, { bom: true }));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    const afterAgain = await unitsByCode();
    for (const code of ['X-1', 'X-2', 'CA'])
      expect(afterAgain.get(code)?.updated_at).toEqual(afterFirst.get(code)?.updated_at);

    const changed = rows.map((row) => [...row]);
    changed[2][4] = 900;
    const third = await postImport(api, admin.token, 'units', csvImportFile(changed));
    expect(third.body).toMatchObject({ rows: 3, created: 0, updated: 1, unchanged: 2 });
    const afterThird = await unitsByCode();
    expect(afterThird.get('X-2')?.residents).toBe(900);
    expect(afterThird.get('X-2')?.updated_at).not.toEqual(afterFirst.get('X-2')?.updated_at);
    expect(afterThird.get('X-1')?.updated_at).toEqual(afterFirst.get('X-1')?.updated_at);
    expect(afterThird.get('CA')?.updated_at).toEqual(afterFirst.get('CA')?.updated_at);

    // One audit entry per batch and nothing else (the logins of the test's accounts are audited too).
    const audit = await withTestDb(
      async (client) =>
        (await client.query(`SELECT action, data FROM audit_log WHERE action NOT LIKE 'auth.login-%' ORDER BY seq`))
          .rows,
    );
    expect(audit.map((entry) => entry.action)).toEqual(['imports.applied', 'imports.applied', 'imports.applied']);
    expect(audit[1].data).toMatchObject({ kind: 'units', rows: 3, created: 0, updated: 0, unchanged: 3 });
  });

  it('refuses to move an existing unit to another parent (the move endpoint does that)', async () => {
    const response = await postImport(
      api,
      admin.token,
      'units',
      csvImportFile([HEADER, ['GA1', '网格A1', 'grid', 'CB', '', '', '']]),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { row: 2, column: 'parentCode', field: 'parentCode', message: expect.stringContaining('移动') },
    ]);
    expect((await unitsByCode()).get('GA1')?.parent_id).toBe(units.get('社区A')?.id);
  });

  it('keeps a unit admin to their subtree: rows under a sibling community are row errors, batches of others are 404', async () => {
    const communityA = units.get('社区A') as ScenarioUnit;
    const unitAdmin = await createLoggedInUser(api, {
      role: 'admin',
      unitId: communityA.id,
      unitPath: communityA.path,
    });
    const refused = await postImport(
      api,
      unitAdmin.token,
      'units',
      csvImportFile([
        HEADER,
        ['X-10', '本社区小区', 'complex', 'CA', '', '', ''],
        ['X-11', '隔壁小区', 'complex', 'CB', '', '', ''],
        ['CB', '社区B', 'community', 'S', '', '', ''],
      ]),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '3:parentCode',
      '4:code',
    ]);
    expect(await countRows(`SELECT count(*) AS n FROM units WHERE code = 'X-10'`)).toBe(0);

    const accepted = await postImport(
      api,
      unitAdmin.token,
      'units',
      csvImportFile([HEADER, ['X-10', '本社区小区', 'complex', 'CA', '', '', '']]),
    );
    expect(accepted.status).toBe(201);
    const own = await api.get(`/api/v1/imports/${accepted.body.batchId}`, unitAdmin.token);
    expect(own.body).toMatchObject({
      id: accepted.body.batchId,
      unitId: (await unitsByCode()).get('X-10')?.id,
      rows: 1,
      created: 1,
    });

    const communityB = units.get('社区B') as ScenarioUnit;
    const siblingAdmin = await createLoggedInUser(api, {
      role: 'admin',
      unitId: communityB.id,
      unitPath: communityB.path,
    });
    const hidden = await api.get(`/api/v1/imports/${accepted.body.batchId}`, siblingAdmin.token);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('resource.not-found');
    expect((await api.get('/api/v1/imports', siblingAdmin.token)).body.items).toEqual([]);
  });

  it('records batches and lists them newest first', async () => {
    const first = await postImport(
      api,
      admin.token,
      'units',
      csvImportFile([HEADER, ['X-1', '小区1', 'complex', 'GA1', '', '', '']]),
      'first.csv',
    );
    const second = await postImport(
      api,
      admin.token,
      'units',
      csvImportFile([HEADER, ['X-2', '小区2', 'complex', 'GB1', '', '', '']]),
      'second.csv',
    );
    const page = await api.get('/api/v1/imports?limit=1', admin.token);
    expect(page.status).toBe(200);
    expect(page.body.items.map((b: { id: string }) => b.id)).toEqual([second.body.batchId]);
    const next = await api.get(`/api/v1/imports?limit=1&cursor=${page.body.nextCursor}`, admin.token);
    expect(next.body).toEqual({
      items: [expect.objectContaining({ id: first.body.batchId, fileName: 'first.csv' })],
      nextCursor: null,
    });
    const batch = await api.get(`/api/v1/imports/${first.body.batchId}`, admin.token);
    expect(batch.body).toEqual({
      id: first.body.batchId,
      kind: 'units',
      displayKind: '治理单元',
      fileName: 'first.csv',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      rows: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      createdBy: admin.id,
      unitId: (await unitsByCode()).get('X-1')?.id,
      createdAt: expect.any(String),
    });
    expect((await api.get('/api/v1/imports/not-a-uuid', admin.token)).status).toBe(400);
  });

  it('answers 400 problem+json for a form without a file, an unknown kind, an unreadable file', async () => {
    const noFile = multipartBody([{ name: 'kind', value: 'units' }]);
    const missing = await api.request('POST', '/api/v1/imports', {
      token: admin.token,
      payload: noFile.payload,
      headers: { 'content-type': noFile.contentType },
    });
    expect(missing.status).toBe(400);
    expect(String(missing.headers['content-type'])).toContain('application/problem+json');
    expect(missing.body).toMatchObject({
      code: 'validation.failed',
      errors: [expect.objectContaining({ field: 'file' })],
    });

    const unknownKind = await postImport(api, admin.token, 'buildings', csvImportFile([HEADER]));
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body).toMatchObject({
      code: 'validation.failed',
      errors: [expect.objectContaining({ field: 'kind', constraint: 'isIn' })],
    });

    const gbk = await postImport(
      api,
      admin.token,
      'units',
      Buffer.from([0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0x61, 0x0d, 0x0a]),
    );
    expect(gbk.status).toBe(400);
    expect(gbk.body.code).toBe('organization.import-unreadable');

    const json = await api.post('/api/v1/imports', { kind: 'units' }, admin.token);
    expect(json.status).toBe(415);

    const headerOnly = await postImport(api, admin.token, 'units', csvImportFile([HEADER]));
    expect(headerOnly.status).toBe(422);
    expect(headerOnly.body.code).toBe('organization.import-empty');

    const noKindColumn = await postImport(
      api,
      admin.token,
      'units',
      csvImportFile([
        ['code', 'name'],
        ['X', 'Y'],
      ]),
    );
    expect(noKindColumn.status).toBe(422);
    expect(noKindColumn.body.errors).toEqual([
      { row: 1, column: '类型', field: 'kind', message: expect.stringContaining('缺少必填列') },
    ]);
    expect(await countRows('SELECT count(*) AS n FROM import_batches')).toBe(0);
  });

  it('runs the same file uploaded twice at once one after the other: one creates, the other finds nothing to change', async () => {
    const file = csvImportFile([
      HEADER,
      ['X-1', '小区1', 'complex', 'GA1', '', '', ''],
      ['B-1', '1号楼', 'building', 'X-1', '', '', ''],
    ]);
    const results = await Promise.all([
      postImport(api, admin.token, 'units', file),
      postImport(api, admin.token, 'units', file),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results.map((r) => `${r.body.created}/${r.body.unchanged}`).sort()).toEqual(['0/2', '2/0']);
    expect(await countRows(`SELECT count(*) AS n FROM units WHERE code IN ('X-1', 'B-1')`)).toBe(2);
  });

  it('answers 413 problem+json for a file over 20 MB', async () => {
    const response = await postImport(api, admin.token, 'units', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('request.too-large');
  });

  it('refuses roles without imports.run', async () => {
    const communityA = units.get('社区A') as ScenarioUnit;
    const secretary = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: communityA.id,
      unitPath: communityA.path,
    });
    const response = await postImport(
      api,
      secretary.token,
      'units',
      csvImportFile([HEADER, ['X-1', '小区', 'complex', 'CA', '', '', '']]),
    );
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('auth.forbidden');
  });
});
