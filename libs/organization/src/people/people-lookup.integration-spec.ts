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

const PHONE = '13812345678';
const ID_NUMBER = '11010519491231002X';

/**
 * Exact lookups by phone or ID number (`GET /people/lookup`) need people.reveal, are audited as
 * pii.looked-up (the field and the ids found, never the value), and birth dates are masked to the
 * year everywhere but the audited reveal.
 * smallDistrict: 社区A › 网格A1 › 小区A1 › 楼栋A1-1 and 社区B › 网格B1 › 小区B1 › 楼栋B1-1.
 */
describe('looking people up by phone or ID number', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
  let gridWorkerA1: { token: string; id: string };
  let gridWorkerB1: { token: string; id: string };
  let auditorA: { token: string };
  let person: { id: string };
  const lookups = () =>
    withTestDb(
      async (client) =>
        (
          await client.query(
            `SELECT actor_user_id, request_id, target_type, target_id, unit_id, unit_path, data, data::text AS raw
               FROM audit_log WHERE action = 'pii.looked-up' ORDER BY seq`,
          )
        ).rows,
    );

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    gridWorkerA1 = await createLoggedInUser(api, { role: 'grid_worker', ...at('网格A1') });
    gridWorkerB1 = await createLoggedInUser(api, { role: 'grid_worker', ...at('网格B1') });
    auditorA = await createLoggedInUser(api, { role: 'auditor', ...at('社区A') });
    const created = await api.post(
      '/api/v1/people',
      {
        name: '刘红',
        phone: PHONE,
        idNumber: ID_NUMBER,
        birthDate: '1949-12-31',
        residenceUnitId: unit('楼栋A1-1').id,
      },
      gridWorkerA1.token,
    );
    expect(created.status).toBe(201);
    person = created.body;
  });
  afterAll(() => api?.close());

  it('refuses a role without people.reveal (the auditor) with 403 and records nothing', async () => {
    expectProblem(await api.get(`/api/v1/people/lookup?phone=${PHONE}`, auditorA.token), 403, 'auth.forbidden');
    expect(await lookups()).toEqual([]);
  });

  it('no longer looks up by phone or ID number on the people list (400: unknown field)', async () => {
    expectProblem(await api.get(`/api/v1/people?phone=${PHONE}`, gridWorkerA1.token), 400, 'validation.failed');
    expectProblem(await api.get(`/api/v1/people?idNumber=${ID_NUMBER}`, auditorA.token), 400, 'validation.failed');
  });

  it('finds the person masked and records who looked up which field and whom it found, never the value', async () => {
    const response = await api.request(
      'GET',
      `/api/v1/people/lookup?phone=${encodeURIComponent('+86 138-1234-5678')}`,
      {
        token: gridWorkerA1.token,
        headers: { 'x-request-id': 'lookup-test-1' },
      },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [expect.objectContaining({ id: person.id, phone: '138****5678', birthDate: '1949-**-**' })],
    });
    expect(JSON.stringify(response.body)).not.toContain(PHONE);

    const byIdNumber = await api.get(`/api/v1/people/lookup?idNumber=11010519491231002x`, gridWorkerA1.token);
    expect(byIdNumber.body.items.map((p: { id: string }) => p.id)).toEqual([person.id]);

    const entries = await lookups();
    expect(entries.map(({ raw, ...entry }) => entry)).toEqual([
      {
        actor_user_id: gridWorkerA1.id,
        request_id: 'lookup-test-1',
        target_type: 'person',
        target_id: person.id,
        unit_id: unit('楼栋A1-1').id,
        unit_path: unit('楼栋A1-1').path,
        data: { field: 'phone', found: 1, personIds: [person.id] },
      },
      expect.objectContaining({ data: { field: 'idNumber', found: 1, personIds: [person.id] } }),
    ]);
    for (const entry of entries) {
      expect(entry.raw).not.toContain('13812345678');
      expect(entry.raw).not.toContain('1381234');
      expect(entry.raw.toUpperCase()).not.toContain(ID_NUMBER);
    }
  });

  it('finds nobody outside the caller’s scope and still records the lookup where the caller works', async () => {
    const before = (await lookups()).length;
    const response = await api.get(`/api/v1/people/lookup?phone=${PHONE}`, gridWorkerB1.token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [] });
    const entries = await lookups();
    expect(entries).toHaveLength(before + 1);
    expect(entries[entries.length - 1]).toMatchObject({
      actor_user_id: gridWorkerB1.id,
      target_id: null,
      unit_id: unit('网格B1').id,
      unit_path: unit('网格B1').path,
      data: { field: 'phone', found: 0, personIds: [] },
    });
  });

  it('refuses a lookup without exactly one valid number, recording nothing', async () => {
    const before = (await lookups()).length;
    expectProblem(await api.get('/api/v1/people/lookup', gridWorkerA1.token), 400, 'validation.failed');
    expectProblem(
      await api.get(`/api/v1/people/lookup?phone=${PHONE}&idNumber=${ID_NUMBER}`, gridWorkerA1.token),
      400,
      'validation.failed',
    );
    expectProblem(await api.get('/api/v1/people/lookup?phone=abc', gridWorkerA1.token), 400, 'validation.failed');
    expectProblem(
      await api.get('/api/v1/people/lookup?idNumber=110105194912310021', gridWorkerA1.token),
      400,
      'validation.failed',
    );
    expect(await lookups()).toHaveLength(before);
  });

  it('answers 429 request.rate-limited past the pii-lookup limit, without recording the refused lookups', async () => {
    const prober = await createLoggedInUser(api, { role: 'grid_worker', ...at('网格A1') });
    const limit = api.config.throttle.piiLookup.limit;
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<TestApi['get']>> | undefined;
    for (let i = 0; i < limit + 3; i += 1) {
      const response = await api.get(`/api/v1/people/lookup?phone=139${String(i).padStart(8, '0')}`, prober.token);
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses).toEqual([...Array(limit).fill(200), 429, 429, 429]);
    expectProblem(limited!, 429, 'request.rate-limited');
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const recorded = (await lookups()).filter((entry) => entry.actor_user_id === prober.id);
    expect(recorded).toHaveLength(limit);
  });

  it('masks the birth date to the year in reads and lists, and shows it in full only in the audited reveal', async () => {
    const read = await api.get(`/api/v1/people/${person.id}`, auditorA.token);
    expect(read.body.birthDate).toBe('1949-**-**');
    const listed = await api.get(`/api/v1/people?unitId=${unit('楼栋A1-1').id}`, auditorA.token);
    expect(listed.body.items.map((p: { birthDate: string }) => p.birthDate)).toEqual(['1949-**-**']);
    expect(JSON.stringify(listed.body)).not.toContain('1949-12-31');

    const revealed = await api.post(`/api/v1/people/${person.id}/reveal`, {}, gridWorkerA1.token);
    expect(revealed.body).toEqual({
      id: person.id,
      name: '刘红',
      phone: PHONE,
      idNumber: ID_NUMBER,
      birthDate: '1949-12-31',
    });
    const entry = await withTestDb(
      async (client) =>
        (await client.query(`SELECT data FROM audit_log WHERE action = 'pii.revealed' ORDER BY seq DESC LIMIT 1`))
          .rows[0],
    );
    expect(entry.data).toEqual({ fields: ['phone', 'idNumber', 'birthDate'] });
  });
});
