import { Clock } from '@linli/platform';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createUnitTree,
  csvImportFile,
  expectProblem,
  multipartBody,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';

/** 09:00 Beijing time, Wednesday 2 December 2026. */
const T0 = new Date('2026-12-02T01:00:00Z');

describe('property parts: owners, import, the electorate of a complex', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let secretaryA: string;
  let secretaryB: string;
  const people: { personId: string; token: string }[] = [];
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const partsUrl = (complex = '小区A1') => `/api/v1/property/complexes/${unit(complex).id}/parts`;
  const partsOf = (complex: string) =>
    countRows(`SELECT 1 FROM property_parts WHERE complex_id = $1`, [unit(complex).id]);

  async function person(name: string, residence = '楼栋A1-1'): Promise<string> {
    return withTestDb(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO people (name, residence_unit_id, residence_path) VALUES ($1, $2, $3) RETURNING id`,
        [name, unit(residence).id, unit(residence).path],
      );
      return rows[0].id;
    });
  }

  function upload(complex: string, csv: string, token: string) {
    const form = multipartBody([{ name: 'file', fileName: 'parts.csv', contentType: 'text/csv', value: csv }]);
    return api.request('POST', `${partsUrl(complex)}/import`, {
      token,
      payload: form.payload,
      headers: { 'content-type': form.contentType },
    });
  }

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(T0.getTime()));
    units = await createUnitTree(smallDistrict());
    secretaryA = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
    secretaryB = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区B').id, unitPath: unit('社区B').path })
    ).token;
    for (let i = 0; i < 5; i += 1) {
      const personId = await person(`业主${i}`);
      people.push({ personId, token: (await createLoggedInUser(api, { personId })).token });
    }
  });
  afterAll(() => api.close());

  it('counts the issue’s electorate by hand: developer one head, one buyer’s two parts one head, co-owners one head', async () => {
    const [a, b, c] = people.map((p) => p.personId);
    const bulk = await api.post(
      `${partsUrl()}/bulk`,
      {
        parts: [
          { building: '1栋', number: '101', areaM2: '80.50', status: 'unsold', ownerPersonIds: [] },
          { building: '1栋', number: '102', areaM2: 90, status: 'unsold', ownerPersonIds: [] },
          { building: '1栋', number: '201', areaM2: '100.00', status: 'delivered', ownerPersonIds: [a] },
          { building: '1栋', number: '202', areaM2: 60.25, status: 'delivered', ownerPersonIds: [a] },
          { building: '2栋', number: '101', areaM2: '120', status: 'delivered', ownerPersonIds: [b, c] },
        ],
      },
      secretaryA,
    );
    expect(bulk.status).toBe(201);
    expect(bulk.body).toEqual({ created: 5 });
    const electorate = await api.get(`/api/v1/property/complexes/${unit('小区A1').id}/electorate`, secretaryA);
    expect(electorate.status).toBe(200);
    // 80.50 + 90 + 100 + 60.25 + 120 = 450.75 m²; heads: developer (170.50), a (160.25), b+c (120) = 3.
    expect(electorate.body).toMatchObject({ parts: 5, totalAreaM2: 450.75, heads: 3, developerParts: 2 });
    expect(electorate.body.headsList.map((h: { areaM2: number }) => h.areaM2).sort()).toEqual([120, 160.25, 170.5]);
  });

  it('refuses a duplicate part (409), a bad area (400, nothing written), owners on an unsold part (400)', async () => {
    const before = await partsOf('小区A1');
    const body = { building: '1栋', number: '101', areaM2: '70', status: 'delivered', ownerPersonIds: [] };
    expectProblem(await api.post(partsUrl(), body, secretaryA), 409, 'property.part-exists');
    for (const areaM2 of ['12.345', 0, -3, 'abc', 12.345])
      expectProblem(
        await api.post(partsUrl(), { ...body, number: '999', areaM2 }, secretaryA),
        400,
        'property.part-area',
      );
    const unsold = { ...body, number: '998', status: 'unsold', ownerPersonIds: [people[0].personId] };
    expectProblem(await api.post(partsUrl(), unsold, secretaryA), 400, 'property.developer-part-owners');
    expect(await partsOf('小区A1')).toBe(before);
    // A delivered part with no owner yet is accepted (it counts as its own head).
    const single = await api.post(partsUrl(), { ...body, number: '301', areaM2: '50.5' }, secretaryA);
    expect(single.status).toBe(201);
    expect(single.body).toMatchObject({
      building: '1栋',
      number: '301',
      areaM2: 50.5,
      areaSource: 'registered',
      owners: [],
    });
  });

  it('writes a bulk list all or nothing, listing every bad row', async () => {
    const before = await partsOf('小区A1');
    const response = await api.post(
      `${partsUrl()}/bulk`,
      {
        parts: [
          { building: '3栋', number: '101', areaM2: '70', status: 'delivered', ownerPersonIds: [] },
          { building: '3栋', number: '102', areaM2: '1.001', status: 'delivered', ownerPersonIds: [] },
          { building: '3栋', number: '101', areaM2: '70', status: 'delivered', ownerPersonIds: [] },
          { building: '1栋', number: '201', areaM2: '70', status: 'delivered', ownerPersonIds: [] },
        ],
      },
      secretaryA,
    );
    expectProblem(response, 400, 'property.part-rows');
    expect(response.body.rows.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual([
      [2, 'property.part-area'],
      [3, 'property.part-exists'],
      [4, 'property.part-exists'],
    ]);
    expect(await partsOf('小区A1')).toBe(before);
  });

  it('moves a part to new owners (过户): history kept, the head moves, the new owner sees it', async () => {
    const [a, , , , e] = people;
    const list = await api.get(`${partsUrl()}?building=1栋`, secretaryA);
    const part202 = list.body.items.find((p: { number: string }) => p.number === '202');
    expectProblem(
      await api.post(
        `/api/v1/property/parts/${part202.id}/owners`,
        { ownerPersonIds: [e.personId], changedOn: '2026-12-09' },
        secretaryA,
      ),
      400,
      'property.ownership-date',
    );
    const moved = await api.post(
      `/api/v1/property/parts/${part202.id}/owners`,
      { ownerPersonIds: [e.personId], changedOn: '2026-12-02' },
      secretaryA,
    );
    expect(moved.status).toBe(200);
    expect(moved.body.owners.map((o: { personId: string }) => o.personId)).toEqual([e.personId]);
    expect(moved.body.history).toEqual([
      expect.objectContaining({ personId: a.personId, startedOn: '2026-12-02', endedOn: '2026-12-02' }),
      expect.objectContaining({ personId: e.personId, startedOn: '2026-12-02', endedOn: null }),
    ]);
    const electorate = await api.get(`/api/v1/property/complexes/${unit('小区A1').id}/electorate`, secretaryA);
    // Heads now: developer, a (100), b+c (120), e (60.25), part 301 without owner (50.5) = 5.
    expect(electorate.body).toMatchObject({ parts: 6, totalAreaM2: 501.25, heads: 5, developerParts: 2 });
    const audits = await countRows(
      `SELECT 1 FROM audit_log WHERE action = 'property.part-owners-changed' AND target_id = $1`,
      [part202.id],
    );
    expect(audits).toBe(1);

    const mine = await api.get(partsUrl(), e.token);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([part202.id]);
    expect((await api.get(`/api/v1/property/parts/${part202.id}`, e.token)).status).toBe(200);
    expectProblem(await api.get(`/api/v1/property/parts/${part202.id}`, people[1].token), 404, 'resource.not-found');
  });

  it('answers 404 outside scope: another community’s complex, part, or owner', async () => {
    const body = { building: '9栋', number: '1', areaM2: '50', status: 'delivered', ownerPersonIds: [] };
    expectProblem(await api.post(partsUrl(), body, secretaryB), 404, 'resource.not-found');
    expectProblem(await api.get(partsUrl(), secretaryB), 404, 'resource.not-found');
    const nobody = await createLoggedInUser(api, { personId: await person('无房居民') });
    expectProblem(await api.get(partsUrl(), nobody.token), 404, 'resource.not-found');
    const outsider = await person('外区居民', '楼栋B1-1');
    const withOutsider = { ...body, ownerPersonIds: [outsider] };
    expectProblem(await api.post(partsUrl(), withOutsider, secretaryA), 404, 'resource.not-found');
    // Not one of people[0]'s parts, whose areas the personal-data export below checks (the list's order
    // among parts written together is not fixed).
    const part = (await api.get(partsUrl(), secretaryA)).body.items.find(
      (p: { number: string }) => !['201', '202'].includes(p.number),
    );
    const patched = await api.request('PATCH', `/api/v1/property/parts/${part.id}`, {
      token: secretaryB,
      body: { areaM2: '10' },
    });
    expectProblem(patched, 404, 'resource.not-found');
    const fixed = await api.request('PATCH', `/api/v1/property/parts/${part.id}`, {
      token: secretaryA,
      body: { areaM2: '81.5', areaSource: 'surveyed' },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ areaM2: 81.5, areaSource: 'surveyed' });
  });

  it('imports a file all or nothing: a bad row writes nothing, a clean file writes every row', async () => {
    const owner = people[3].personId;
    const header = ['楼栋', '房号', '面积', '面积来源', '状态', '业主'];
    const bad = csvImportFile([
      header,
      ['5栋', '101', '88.8', '测绘', '已交付', owner],
      ['5栋', '102', '面积', '', '已交付', ''],
    ]);
    const before = await partsOf('小区A1');
    const refused = await upload('小区A1', bad.toString('utf8'), secretaryA);
    expectProblem(refused, 400, 'property.part-rows');
    expect(refused.body.rows).toEqual([expect.objectContaining({ row: 3, code: 'property.part-area' })]);
    expect(await partsOf('小区A1')).toBe(before);

    const good = csvImportFile([
      header,
      ['5栋', '101', '88.8', '测绘', '已交付', owner],
      ['5栋', '102', '66', '', '未售', ''],
    ]);
    const imported = await upload('小区A1', good.toString('utf8'), secretaryA);
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ created: 2 });
    const list = await api.get(`${partsUrl()}?building=5栋`, secretaryA);
    expect(
      list.body.items.map((p: { number: string; areaSource: string; status: string }) => [
        p.number,
        p.areaSource,
        p.status,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['101', 'surveyed', 'delivered'],
        ['102', 'registered', 'unsold'],
      ]),
    );
  });

  it('exports the parts a person owns and owned, with areas (personal data)', async () => {
    const response = await api.get('/api/v1/me/data', people[0].token);
    expect(response.status).toBe(200);
    const mine = response.body.domains['property-governance'];
    expect(
      mine.parts.map((p: { number: string; areaM2: string; endedOn: string | null }) => [
        p.number,
        p.areaM2,
        p.endedOn,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['201', expect.any(String), null],
        ['202', '60.25', '2026-12-02'],
      ]),
    );
    expect(mine.parts).toHaveLength(2);
    expect(mine.ballotsCast).toEqual([]);
  });
});
