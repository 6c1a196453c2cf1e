import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@linli/platform';
import {
  bootApi,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { PeopleRegistry } from './people-registry';

const PHONE = '13812345678';
const ID_NUMBER = '11010519491231002X';

async function peopleCount(): Promise<number> {
  return withTestDb(async (client) =>
    Number(await client.query('SELECT count(*) AS n FROM people').then((r) => r.rows[0].n)),
  );
}

/** smallDistrict: 示范市 › 示范区 › 示范街道 › 社区A/社区B › 网格A1/B1 › 小区A1/B1 › 楼栋A1-1/B1-1. */
describe('people: registering, finding and reading within scope', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let cityAdmin: { token: string; id: string };
  let secretaryA: { token: string };
  let gridWorkerA1: { token: string };
  let wang: { id: string };
  const unit = (name: string): ScenarioUnit => {
    const found = units.get(name);
    if (!found) throw new Error(`no unit ${name}`);
    return found;
  };
  const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    cityAdmin = await createLoggedInUser(api, { role: 'admin', ...at('示范市') });
    secretaryA = await createLoggedInUser(api, { role: 'secretary', ...at('社区A') });
    gridWorkerA1 = await createLoggedInUser(api, { role: 'grid_worker', ...at('网格A1') });
  });
  afterAll(() => api.close());

  it('registers a person and answers the phone, ID number and birth date masked', async () => {
    const response = await api.post(
      '/api/v1/people',
      {
        name: '王芳',
        phone: '+86 138-1234-5678',
        idNumber: '11010519491231002x',
        gender: 'female',
        birthDate: '1949-12-31',
        residenceUnitId: unit('楼栋A1-1').id,
      },
      gridWorkerA1.token,
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: '王芳',
      phone: '138****5678',
      idNumber: '110***********002X',
      gender: 'female',
      genderDisplay: '女',
      birthDate: '1949-**-**',
      residenceUnitId: unit('楼栋A1-1').id,
      residenceUnitName: '楼栋A1-1',
      externalId: null,
    });
    expect(JSON.stringify(response.body)).not.toContain(PHONE);
    expect(JSON.stringify(response.body)).not.toContain('v1.');
    wang = response.body;
  });

  it('stores only cipher text, keyed hashes and masked copies: the row holds no full phone or ID number', async () => {
    const row = await withTestDb(
      async (client) =>
        (await client.query('SELECT p.*, row_to_json(p)::text AS whole FROM people p WHERE id = $1', [wang.id]))
          .rows[0],
    );
    expect(row.whole).not.toContain(PHONE);
    expect(row.whole).not.toContain(ID_NUMBER);
    expect(row.whole).not.toContain(ID_NUMBER.slice(6, 14));
    expect(row.phone_cipher).toMatch(/^v1\./);
    expect(row.id_number_cipher).toMatch(/^v1\./);
    expect(row.phone_masked).toBe('138****5678');
    expect(row.residence_path).toBe(unit('楼栋A1-1').path);
    const audit = await withTestDb((client) =>
      client.query(`SELECT data::text AS data FROM audit_log WHERE action = 'people.created' AND target_id = $1`, [
        wang.id,
      ]),
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].data).not.toContain(PHONE);
  });

  it('finds a person by exact phone or ID number through the keyed hash, however the number is written', async () => {
    const byPhone = await api.get(
      `/api/v1/people/lookup?phone=${encodeURIComponent('138 1234 5678')}`,
      secretaryA.token,
    );
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.items.map((p: { id: string }) => p.id)).toEqual([wang.id]);
    const byId = await api.get(`/api/v1/people/lookup?idNumber=11010519491231002x`, secretaryA.token);
    expect(byId.body.items.map((p: { id: string }) => p.id)).toEqual([wang.id]);
    const nobody = await api.get(`/api/v1/people/lookup?phone=13900000000`, secretaryA.token);
    expect(nobody.body).toEqual({ items: [] });
  });

  it('finds people by the start of their name, a page at a time', async () => {
    await createPeople([
      { name: '王建国', residence: unit('小区A1') },
      { name: '王小明', residence: unit('网格A1') },
      { name: '李王', residence: unit('社区A') },
    ]);
    const first = await api.get(`/api/v1/people?q=${encodeURIComponent('王')}&limit=2`, secretaryA.token);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await api.get(
      `/api/v1/people?q=${encodeURIComponent('王')}&limit=2&cursor=${first.body.nextCursor}`,
      secretaryA.token,
    );
    expect(second.body.nextCursor).toBeNull();
    const names = [...first.body.items, ...second.body.items].map((p: { name: string }) => p.name);
    expect(names.sort()).toEqual(['王小明', '王建国', '王芳'].sort());
    // `%` and `_` are literal characters of a name prefix, not wildcards.
    expect((await api.get(`/api/v1/people?q=${encodeURIComponent('%')}`, secretaryA.token)).body.items).toEqual([]);
  });

  it('refuses a second person with the same ID number, writing nothing', async () => {
    const before = await peopleCount();
    const response = await api.post(
      '/api/v1/people',
      { name: '冒名者', idNumber: ID_NUMBER, residenceUnitId: unit('小区A1').id },
      cityAdmin.token,
    );
    expectProblem(response, 409, 'organization.person-duplicate-id-number');
    expect(await peopleCount()).toBe(before);
  });

  it.each([
    ['an invalid phone', { phone: '12812345678' }, 'phone', 'isMainlandMobile'],
    ['a landline', { phone: '0531-8888888' }, 'phone', 'isMainlandMobile'],
    ['an ID number with a wrong check character', { idNumber: '110105194912310021' }, 'idNumber', 'isResidentIdNumber'],
    ['an ID number of 17 characters', { idNumber: '11010519491231002' }, 'idNumber', 'isResidentIdNumber'],
    ['an impossible birth date', { birthDate: '1990-02-30' }, 'birthDate', 'isCalendarDate'],
    ['an unknown gender', { gender: 'x' }, 'gender', 'isIn'],
    ['an unknown field', { salary: 5000 }, 'salary', 'unknown'],
  ])('refuses %s with a field error and writes nothing', async (_, extra, field, constraint) => {
    const before = await peopleCount();
    const response = await api.post(
      '/api/v1/people',
      { name: '错误输入', residenceUnitId: unit('小区A1').id, ...extra },
      cityAdmin.token,
    );
    expectProblem(response, 400, 'validation.failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ field, constraint })]);
    expect(await peopleCount()).toBe(before);
  });

  it('refuses a residence that is not a building, complex, grid or community', async () => {
    const response = await api.post(
      '/api/v1/people',
      { name: '住在街道', residenceUnitId: unit('示范街道').id },
      cityAdmin.token,
    );
    expectProblem(response, 400, 'organization.unit-kind');
    expect(response.body.detail).toBe('此处需要楼栋、小区、网格或社区，所选单位是街道');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'residenceUnitId' })]);
  });

  it('refuses bad lookups: an invalid phone or ID number in the query', async () => {
    expectProblem(await api.get('/api/v1/people/lookup?phone=abc', secretaryA.token), 400, 'validation.failed');
    expectProblem(
      await api.get('/api/v1/people/lookup?idNumber=110105194912310021', secretaryA.token),
      400,
      'validation.failed',
    );
  });

  describe('bulk registration (for imports)', () => {
    it('registers many people in the caller’s transaction and returns their ids in order', async () => {
      const people = api.app.get(PeopleRegistry);
      const ids = await api.app.get(TransactionRunner).run((manager) =>
        people.createMany(manager, [
          { name: '批量一', phone: '13700000001', residenceUnitId: unit('楼栋A1-1').id, externalId: 'BULK-1' },
          { name: '批量二', idNumber: '440524198001010013', residenceUnitId: unit('网格B1').id, externalId: 'BULK-2' },
        ]),
      );
      const rows = await withTestDb(
        async (client) =>
          (
            await client.query('SELECT id, name, residence_path, phone_masked FROM people WHERE id = ANY($1::uuid[])', [
              ids,
            ])
          ).rows,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(ids.map((id) => byId.get(id)?.name)).toEqual(['批量一', '批量二']);
      expect(byId.get(ids[0])).toMatchObject({ residence_path: unit('楼栋A1-1').path, phone_masked: '137****0001' });
    });

    it('refuses the whole batch when one row is invalid, naming the row, and writes nothing', async () => {
      const before = await peopleCount();
      const attempt = api.app.get(TransactionRunner).run((manager) =>
        api.app.get(PeopleRegistry).createMany(manager, [
          { name: '好行', residenceUnitId: unit('小区A1').id },
          { name: '坏行', phone: '12345', residenceUnitId: unit('小区A1').id },
        ]),
      );
      await expect(attempt).rejects.toMatchObject({
        code: 'validation.failed',
        errors: [expect.objectContaining({ field: 'rows[1].phone' })],
      });
      const duplicate = api.app.get(TransactionRunner).run((manager) =>
        api.app.get(PeopleRegistry).createMany(manager, [
          { name: '新行', residenceUnitId: unit('小区A1').id, externalId: 'BULK-3' },
          { name: '重复行', residenceUnitId: unit('小区A1').id, externalId: 'BULK-1' },
        ]),
      );
      await expect(duplicate).rejects.toMatchObject({ code: 'organization.person-duplicate-external-id', status: 409 });
      expect(await peopleCount()).toBe(before);
    });
  });

  describe('scope', () => {
    let zhao: { id: string };

    beforeAll(async () => {
      const response = await api.post(
        '/api/v1/people',
        { name: '赵社区B', phone: '13900001111', residenceUnitId: unit('楼栋B1-1').id },
        cityAdmin.token,
      );
      zhao = response.body;
    });

    it('answers 404 to a grant at one community for a person of the sibling community, as for an unknown id', async () => {
      const sibling = await api.get(`/api/v1/people/${zhao.id}`, secretaryA.token);
      const unknown = await api.get(`/api/v1/people/${randomUUID()}`, secretaryA.token);
      expectProblem(sibling, 404, 'resource.not-found');
      expect({ ...sibling.body, instance: undefined, requestId: undefined }).toEqual({
        ...unknown.body,
        instance: undefined,
        requestId: undefined,
      });
      expect((await api.get(`/api/v1/people/${wang.id}`, secretaryA.token)).status).toBe(200);
    });

    it('never lists the sibling community’s people, not even by exact phone, and answers 404 for filtering by it', async () => {
      const all = await api.get('/api/v1/people?limit=100', secretaryA.token);
      expect(all.body.items.map((p: { id: string }) => p.id)).not.toContain(zhao.id);
      expect(all.body.items.map((p: { name: string }) => p.name)).toContain('王芳');
      expect((await api.get('/api/v1/people/lookup?phone=13900001111', secretaryA.token)).body.items).toEqual([]);
      expectProblem(
        await api.get(`/api/v1/people?unitId=${unit('社区B').id}`, secretaryA.token),
        404,
        'resource.not-found',
      );
      expect(
        (await api.get('/api/v1/people/lookup?phone=13900001111', cityAdmin.token)).body.items.map(
          (p: { id: string }) => p.id,
        ),
      ).toEqual([zhao.id]);
    });

    it('answers 404 for registering a person in a unit outside the caller’s scope', async () => {
      const before = await peopleCount();
      expectProblem(
        await api.post('/api/v1/people', { name: '越界登记', residenceUnitId: unit('小区B1').id }, gridWorkerA1.token),
        404,
        'resource.not-found',
      );
      expect(await peopleCount()).toBe(before);
    });
  });

  describe('resident self-service', () => {
    it('lets an account linked to a person read that person without people.read, and nobody else', async () => {
      const [self, other] = await createPeople([
        { name: '钱自助', residence: unit('楼栋A1-1') },
        { name: '孙邻居', residence: unit('楼栋A1-1') },
      ]);
      const account = await createLoggedInUser(api, { personId: self.id });
      const own = await api.get(`/api/v1/people/${self.id}`, account.token);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ id: self.id, name: '钱自助', residenceUnitName: '楼栋A1-1' });
      expectProblem(await api.get(`/api/v1/people/${other.id}`, account.token), 404, 'resource.not-found');
      expectProblem(await api.get('/api/v1/people', account.token), 403, 'auth.forbidden');
      expectProblem(await api.post(`/api/v1/people/${self.id}/reveal`, {}, account.token), 403, 'auth.forbidden');
    });
  });

  describe('changing a person', () => {
    it('moves a person’s residence and their party membership’s residence path together', async () => {
      const [chen] = await createPeople([{ name: '陈党员', residence: unit('楼栋A1-1') }]);
      await withTestDb(async (client) => {
        const org = await client.query(
          `INSERT INTO party_organizations (kind, name, unit_id, unit_path) VALUES ('branch', '社区A党支部', $1, $2) RETURNING id`,
          [unit('社区A').id, unit('社区A').path],
        );
        await client.query(
          `INSERT INTO party_members (person_id, organization_id, category, status, joined_at, residence_path) VALUES ($1, $2, 'retired', 'full', '1980-07-01', $3)`,
          [chen.id, org.rows[0].id, chen.residencePath],
        );
      });
      const response = await api.request('PATCH', `/api/v1/people/${chen.id}`, {
        token: cityAdmin.token,
        body: { residenceUnitId: unit('小区B1').id },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ residenceUnitId: unit('小区B1').id, residenceUnitName: '小区B1' });
      const rows = await withTestDb(
        async (client) =>
          (
            await client.query(
              'SELECT p.residence_path AS person, m.residence_path AS member FROM people p JOIN party_members m ON m.person_id = p.id WHERE p.id = $1',
              [chen.id],
            )
          ).rows[0],
      );
      expect(rows).toEqual({ person: unit('小区B1').path, member: unit('小区B1').path });
      expectProblem(await api.get(`/api/v1/people/${chen.id}`, gridWorkerA1.token), 404, 'resource.not-found');
      const audit = await withTestDb((client) =>
        client.query(`SELECT data FROM audit_log WHERE action = 'people.updated' AND target_id = $1`, [chen.id]),
      );
      expect(audit.rows[0].data).toMatchObject({
        fields: ['residenceUnitId'],
        fromResidenceUnitId: unit('楼栋A1-1').id,
        toResidenceUnitId: unit('小区B1').id,
      });
    });

    it('answers 404 for moving a person to a residence outside the caller’s scope, and changes nothing', async () => {
      const response = await api.request('PATCH', `/api/v1/people/${wang.id}`, {
        token: secretaryA.token,
        body: { residenceUnitId: unit('小区B1').id, name: '改了名' },
      });
      expectProblem(response, 404, 'resource.not-found');
      const row = await withTestDb(
        async (client) =>
          (await client.query('SELECT name, residence_unit_id FROM people WHERE id = $1', [wang.id])).rows[0],
      );
      expect(row).toEqual({ name: '王芳', residence_unit_id: unit('楼栋A1-1').id });
    });

    it('changes and clears personal data, keeping it protected', async () => {
      const [zhou] = await createPeople([{ name: '周电话', residence: unit('小区A1') }]);
      const set = await api.request('PATCH', `/api/v1/people/${zhou.id}`, {
        token: secretaryA.token,
        body: { phone: '15900002222', gender: 'male' },
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ phone: '159****2222', gender: 'male', genderDisplay: '男' });
      expect(
        (await api.get('/api/v1/people/lookup?phone=15900002222', secretaryA.token)).body.items.map(
          (p: { id: string }) => p.id,
        ),
      ).toEqual([zhou.id]);
      const cleared = await api.request('PATCH', `/api/v1/people/${zhou.id}`, {
        token: secretaryA.token,
        body: { phone: null },
      });
      expect(cleared.body.phone).toBeNull();
      const row = await withTestDb(
        async (client) =>
          (await client.query('SELECT phone_cipher, phone_index, phone_masked FROM people WHERE id = $1', [zhou.id]))
            .rows[0],
      );
      expect(row).toEqual({ phone_cipher: null, phone_index: null, phone_masked: null });
      expectProblem(
        await api.request('PATCH', `/api/v1/people/${zhou.id}`, {
          token: secretaryA.token,
          body: { idNumber: ID_NUMBER },
        }),
        409,
        'organization.person-duplicate-id-number',
      );
      expectProblem(
        await api.request('PATCH', `/api/v1/people/${zhou.id}`, { token: secretaryA.token, body: { name: null } }),
        400,
        'validation.failed',
      );
    });

    it('keeps the household code (户号) trimmed and visible to people.read, changes and clears it, and refuses a blank one', async () => {
      const created = await api.post(
        '/api/v1/people',
        { name: '户号甲', residenceUnitId: unit('楼栋A1-1').id, householdCode: '  3-502 ' },
        gridWorkerA1.token,
      );
      expect(created.status).toBe(201);
      expect(created.body.householdCode).toBe('3-502');
      const auditor = await createLoggedInUser(api, { role: 'auditor', ...at('社区A') });
      expect((await api.get(`/api/v1/people/${created.body.id}`, auditor.token)).body.householdCode).toBe('3-502');
      const changed = await api.request('PATCH', `/api/v1/people/${created.body.id}`, {
        token: secretaryA.token,
        body: { householdCode: '3-601' },
      });
      expect(changed.body.householdCode).toBe('3-601');
      const cleared = await api.request('PATCH', `/api/v1/people/${created.body.id}`, {
        token: secretaryA.token,
        body: { householdCode: null },
      });
      expect(cleared.body.householdCode).toBeNull();
      expectProblem(
        await api.request('PATCH', `/api/v1/people/${created.body.id}`, {
          token: secretaryA.token,
          body: { householdCode: '   ' },
        }),
        400,
        'validation.failed',
      );
      expectProblem(
        await api.post(
          '/api/v1/people',
          { name: '户号乙', residenceUnitId: unit('楼栋A1-1').id, householdCode: 'x'.repeat(65) },
          gridWorkerA1.token,
        ),
        400,
        'validation.failed',
      );
    });

    it('clears the household code when the person moves without a new one', async () => {
      const created = await api.post(
        '/api/v1/people',
        { name: '户号丙', residenceUnitId: unit('楼栋A1-1').id, householdCode: '1-101' },
        gridWorkerA1.token,
      );
      const moved = await api.request('PATCH', `/api/v1/people/${created.body.id}`, {
        token: secretaryA.token,
        body: { residenceUnitId: unit('小区A1').id },
      });
      expect(moved.body).toMatchObject({ residenceUnitId: unit('小区A1').id, householdCode: null });
    });
  });
});
