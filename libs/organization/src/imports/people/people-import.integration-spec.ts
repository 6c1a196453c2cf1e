import { PiiCrypto } from '@linli/platform';
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
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
  xlsxImportFile,
} from '@linli/testing';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid resident ID number: the 17 digits and their GB 11643 check character. */
function idNumber(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

interface PersonRow {
  id: string;
  external_id: string;
  name: string;
  phone_cipher: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  id_number_cipher: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
  gender: string | null;
  birth_date: string | null;
  residence_unit_id: string;
  residence_path: string;
  updated_at: Date;
}

async function peopleByExternalId(): Promise<Map<string, PersonRow>> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<PersonRow>(
      `SELECT *, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM people WHERE external_id IS NOT NULL`,
    );
    return new Map(rows.map((row) => [row.external_id, row]));
  });
}

const HEADER: ImportCell[] = ['externalId', 'name', 'phone', 'idNumber', 'gender', 'birthDate', 'residenceUnitCode'];

describe('POST /api/v1/imports (people)', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: { token: string };
  const wangId = idNumber('11010519800101002');
  const liId = idNumber('11010519751203004');

  beforeAll(async () => {
    api = await bootApi();
  });
  beforeEach(async () => {
    await resetState();
    const tree = smallDistrict();
    units = await createUnitTree(tree);
    // Codes the files refer to.
    await withTestDb(async (client) => {
      for (const [name, code] of [
        ['社区A', 'CA'],
        ['社区B', 'CB'],
        ['楼栋A1-1', 'BA'],
        ['楼栋B1-1', 'BB'],
        ['示范区', 'D'],
      ]) {
        await client.query('UPDATE units SET code = $1 WHERE id = $2', [code, units.get(name)?.id]);
      }
    });
    admin = await createLoggedInUser(api, { role: 'admin' });
  });
  afterAll(() => api.close());

  it('stores phone and ID number as cipher text only, and the phone lookup finds the person through the blind index', async () => {
    const file = await xlsxImportFile([
      ['人员编号', '姓名', '手机号', '身份证号', '性别', '出生日期', '居住单元编码'],
      ['P-1', '王芳', '138 1234 5678', wangId, '女', new Date(Date.UTC(1980, 0, 1)), 'BA'],
      ['P-2', '李强', '+86 139-0000-1111', liId.toLowerCase(), '男', '1975-12-03', 'BA'],
      ['P-3', '张伟', null, null, null, null, 'CA'],
    ]);
    const response = await postImport(api, admin.token, 'people', file, '人员.xlsx');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ kind: 'people', rows: 3, created: 3, updated: 0, unchanged: 0 });

    const stored = await peopleByExternalId();
    const wang = stored.get('P-1') as PersonRow;
    expect(wang).toMatchObject({
      name: '王芳',
      gender: 'female',
      birth_date: '1980-01-01',
      phone_masked: '138****5678',
      residence_unit_id: units.get('楼栋A1-1')?.id,
    });
    expect(wang.residence_path).toBe(units.get('楼栋A1-1')?.path);
    const pii = api.app.get(PiiCrypto);
    expect(wang.phone_cipher).toMatch(/^v1\./);
    expect(pii.decrypt(wang.phone_cipher as string)).toBe('13812345678');
    expect(wang.phone_index).toBe(pii.blindIndex('phone', '13812345678'));
    expect(wang.id_number_index).toBe(pii.blindIndex('id-number', wangId));
    expect(stored.get('P-2')?.id_number_masked).toBe(`110***********${liId.slice(-4).toUpperCase()}`);
    expect(stored.get('P-3')).toMatchObject({ phone_cipher: null, phone_index: null, id_number_cipher: null });
    const plain = await withTestDb(
      async (client) =>
        (
          await client.query(
            `SELECT count(*)::int AS n FROM people p WHERE p::text LIKE '%13812345678%' OR p::text LIKE $1`,
            [`%${wangId}%`],
          )
        ).rows[0].n,
    );
    expect(plain).toBe(0);

    const found = await api.get('/api/v1/people/lookup?phone=13812345678', admin.token);
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([expect.objectContaining({ id: wang.id, name: '王芳', phone: '138****5678' })]);
  });

  it('changes nothing on re-import and re-encrypts only a phone that changed', async () => {
    const rows: ImportCell[][] = [
      HEADER,
      ['P-1', '王芳', '13812345678', wangId, 'female', '1980-01-01', 'BA'],
      ['P-2', '李强', '13900001111', '', 'male', '', 'BA'],
    ];
    expect((await postImport(api, admin.token, 'people', csvImportFile(rows))).body).toMatchObject({ created: 2 });
    const first = await peopleByExternalId();

    const again = await postImport(api, admin.token, 'people', csvImportFile(rows));
    expect(again.body).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    const second = await peopleByExternalId();
    for (const key of ['P-1', 'P-2']) {
      expect(second.get(key)?.updated_at).toEqual(first.get(key)?.updated_at);
      expect(second.get(key)?.phone_cipher).toBe(first.get(key)?.phone_cipher);
    }

    const changed = rows.map((row) => [...row]);
    changed[2][2] = '13700002222';
    const third = await postImport(api, admin.token, 'people', csvImportFile(changed));
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const after = await peopleByExternalId();
    expect(after.get('P-2')?.phone_masked).toBe('137****2222');
    expect(after.get('P-2')?.phone_cipher).not.toBe(first.get('P-2')?.phone_cipher);
    expect(after.get('P-1')?.updated_at).toEqual(first.get('P-1')?.updated_at);
    const found = await api.get('/api/v1/people/lookup?phone=13700002222', admin.token);
    expect(found.body.items.map((p: { name: string }) => p.name)).toEqual(['李强']);
  });

  it('stores the household code (户号), keeps it when the cell is blank and clears it when the person moves', async () => {
    const header: ImportCell[] = ['人员编号', '姓名', '居住单元编码', '户号'];
    const first = await postImport(
      api,
      admin.token,
      'people',
      csvImportFile([header, ['P-1', '王芳', 'BA', ' 3-502 '], ['P-2', '李强', 'BA', '']]),
    );
    expect(first.body).toMatchObject({ created: 2 });
    const codes = async () =>
      new Map(
        [...(await peopleByExternalId())].map(([key, row]) => [
          key,
          (row as unknown as Record<string, unknown>).household_code,
        ]),
      );
    expect(await codes()).toEqual(
      new Map([
        ['P-1', '3-502'],
        ['P-2', null],
      ]),
    );
    const blank = await postImport(api, admin.token, 'people', csvImportFile([header, ['P-1', '王芳', 'BA', '']]));
    expect(blank.body).toMatchObject({ updated: 0, unchanged: 1 });
    const moved = await postImport(
      api,
      admin.token,
      'people',
      csvImportFile([header, ['P-1', '王芳', 'BB', ''], ['P-2', '李强', 'BA', '3-601']]),
    );
    expect(moved.body).toMatchObject({ updated: 2 });
    expect(await codes()).toEqual(
      new Map([
        ['P-1', null],
        ['P-2', '3-601'],
      ]),
    );
  });

  it('refuses bad phones, ID numbers, genders, dates, residences and duplicates, and writes nothing', async () => {
    const file = csvImportFile([
      HEADER,
      ['P-1', '王芳', '12345', '', '', '', 'BA'],
      ['P-2', '李强', '', `${wangId.slice(0, 17)}${wangId[17] === '0' ? '1' : '0'}`, '', '', 'BA'],
      ['P-3', '张伟', '', '', '未知', '1980-02-30', 'BA'],
      ['P-4', '赵敏', '', '', '', '', 'NOPE'],
      ['P-5', '钱多', '', '', '', '', 'D'],
      ['P-1', '孙丽', '', wangId, '', '', 'BA'],
      ['P-7', '周杰', '', wangId, '', '', 'BA'],
      ['', '', '', '', '', '', ''],
      ['P-8', '', '', '', '', '', ''],
    ]);
    const response = await postImport(api, admin.token, 'people', file);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('organization.import-invalid');
    expect(response.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '2:phone',
      '3:idNumber',
      '4:gender',
      '4:birthDate',
      '5:residenceUnitCode',
      '6:residenceUnitCode',
      '7:externalId',
      '8:idNumber',
      '10:name',
      '10:residenceUnitCode',
    ]);
    expect(
      await withTestDb(async (client) => (await client.query('SELECT count(*)::int AS n FROM people')).rows[0].n),
    ).toBe(0);
  });

  it('refuses an ID number already registered to another person', async () => {
    await postImport(api, admin.token, 'people', csvImportFile([HEADER, ['P-1', '王芳', '', wangId, '', '', 'BA']]));
    const response = await postImport(
      api,
      admin.token,
      'people',
      csvImportFile([HEADER, ['P-9', '冒名', '', wangId, '', '', 'BA']]),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { row: 2, column: 'idNumber', field: 'idNumber', message: '该身份证号已登记给其他人员' },
    ]);
  });

  it('keeps a community admin to their community: people residing in a sibling community are row errors', async () => {
    const communityA = units.get('社区A') as ScenarioUnit;
    const communityB = units.get('社区B') as ScenarioUnit;
    await createPeople([{ name: '外社区居民', residence: communityB, externalId: 'P-B' }]);
    const unitAdmin = await createLoggedInUser(api, {
      role: 'admin',
      unitId: communityA.id,
      unitPath: communityA.path,
    });
    const response = await postImport(
      api,
      unitAdmin.token,
      'people',
      csvImportFile([
        HEADER,
        ['P-A', '本社区居民', '', '', '', '', 'BA'],
        ['P-X', '想住隔壁', '', '', '', '', 'BB'],
        ['P-B', '改到本社区', '', '', '', '', 'BA'],
      ]),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '3:residenceUnitCode',
      '4:externalId',
    ]);
    expect((await peopleByExternalId()).get('P-A')).toBeUndefined();
    expect((await peopleByExternalId()).get('P-B')?.residence_path).toBe(communityB.path);
  });

  it('carries a changed residence into the party member record', async () => {
    await postImport(api, admin.token, 'people', csvImportFile([HEADER, ['P-1', '王芳', '', '', '', '', 'BA']]));
    const person = (await peopleByExternalId()).get('P-1') as PersonRow;
    const branch = await createPartyOrganization({
      kind: 'branch',
      name: '社区A党支部',
      unitId: units.get('社区A')?.id as string,
    });
    const member = await createMember({ personId: person.id, organizationId: branch.id });

    const moved = await postImport(
      api,
      admin.token,
      'people',
      csvImportFile([HEADER, ['P-1', '王芳', '', '', '', '', 'CA']]),
    );
    expect(moved.body).toMatchObject({ updated: 1 });
    const path = await withTestDb(
      async (client) =>
        (await client.query('SELECT residence_path FROM party_members WHERE id = $1', [member.id])).rows[0]
          .residence_path,
    );
    expect(path).toBe(units.get('社区A')?.path);
  });
});
