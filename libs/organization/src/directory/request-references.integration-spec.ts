import {
  bootApi,
  countRows,
  createInstitution,
  createLoggedInUser,
  createMember,
  createPartyOrganization,
  createPerson,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
} from '@linli/testing';

/**
 * Ids in request bodies and queries resolve in the caller's scope for the route's permission
 * (`ScopedReferences`), exactly like path ids: outside it they answer 404 and nothing is written.
 * smallDistrict: 社区A › 网格A1 › 小区A1 › 楼栋A1-1 and 社区B › 网格B1 › 小区B1 › 楼栋B1-1.
 */
describe('ids in request bodies and queries resolve in the caller’s scope', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
  let secretaryA: string;
  let adminA: string;
  let residentA: string;
  let residentB: string;
  let branchA: string;
  let branchB: string;
  let sequence = 0;
  const personIn = async (building: string): Promise<string> => {
    sequence += 1;
    return (await createPerson({ name: `居民${sequence}`, residenceUnitId: unit(building).id })).id;
  };
  const events = (type: string, personId: string) =>
    countRows(`SELECT count(*) AS n FROM outbox_events WHERE type = $1 AND data->>'personId' = $2`, [type, personId]);

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    secretaryA = (await createLoggedInUser(api, { role: 'secretary', ...at('社区A') })).token;
    adminA = (await createLoggedInUser(api, { role: 'admin', ...at('社区A') })).token;
    residentA = await personIn('楼栋A1-1');
    residentB = await personIn('楼栋B1-1');
    branchA = (await createPartyOrganization({ kind: 'branch', name: '社区A党支部', unitId: unit('社区A').id })).id;
    branchB = (await createPartyOrganization({ kind: 'branch', name: '社区B党支部', unitId: unit('社区B').id })).id;
  });
  afterAll(() => api?.close());

  describe('party members', () => {
    const body = (personId: string, organizationId: string) => ({
      personId,
      organizationId,
      category: 'resident',
      status: 'full',
      joinedAt: '2015-07-01',
    });

    it('refuses to enrol a resident of another community in the caller’s branch: 404, no member, no member.joined', async () => {
      expectProblem(
        await api.post('/api/v1/party-members', body(residentB, branchA), secretaryA),
        404,
        'resource.not-found',
      );
      expect(await countRows('SELECT count(*) AS n FROM party_members WHERE person_id = $1', [residentB])).toBe(0);
      expect(await events('organization.member.joined', residentB)).toBe(0);
      expect(await countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'members.joined'`)).toBe(0);
      expect(await countRows('SELECT member_count AS n FROM party_organizations WHERE id = $1', [branchA])).toBe(0);
    });

    it('refuses a branch of another community (404) and enrols a resident of the caller’s community', async () => {
      expectProblem(
        await api.post('/api/v1/party-members', body(residentA, branchB), secretaryA),
        404,
        'resource.not-found',
      );
      expect(await events('organization.member.joined', residentA)).toBe(0);

      const joined = await api.post('/api/v1/party-members', body(residentA, branchA), secretaryA);
      expect(joined.status).toBe(201);
      expect(await events('organization.member.joined', residentA)).toBe(1);
    });

    it('answers 404 for a list filtered by an organization of another community', async () => {
      expectProblem(
        await api.get(`/api/v1/party-members?organizationId=${branchB}`, secretaryA),
        404,
        'resource.not-found',
      );
    });
  });

  describe('officers', () => {
    it('refuses to appoint a resident of another community as an officer of the caller’s branch: 404, nothing written', async () => {
      const response = await api.post(
        `/api/v1/party-organizations/${branchA}/officers`,
        { personId: residentB, role: 'committee_member', termStart: '2026-01-01' },
        secretaryA,
      );
      expectProblem(response, 404, 'resource.not-found');
      expect(await countRows('SELECT count(*) AS n FROM organization_officers WHERE person_id = $1', [residentB])).toBe(
        0,
      );
      expect(
        await countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'organizations.officer-appointed'`),
      ).toBe(0);
    });

    it('appoints a resident of the caller’s community', async () => {
      const response = await api.post(
        `/api/v1/party-organizations/${branchA}/officers`,
        { personId: residentA, role: 'committee_member', termStart: '2026-01-01' },
        secretaryA,
      );
      expect(response.status).toBe(201);
    });
  });

  describe('staff roles', () => {
    it('refuses a person of another community at a grid of the caller’s, and a person of the caller’s at a grid of another: 404, nothing written', async () => {
      expectProblem(
        await api.post(
          '/api/v1/staff-roles',
          { personId: residentB, role: 'grid_worker', unitId: unit('网格A1').id },
          adminA,
        ),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.post(
          '/api/v1/staff-roles',
          { personId: residentA, role: 'grid_worker', unitId: unit('网格B1').id },
          adminA,
        ),
        404,
        'resource.not-found',
      );
      expect(
        await countRows('SELECT count(*) AS n FROM staff_roles WHERE person_id = ANY($1::uuid[])', [
          [residentA, residentB],
        ]),
      ).toBe(0);
      expect(await countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'staff-roles.created'`)).toBe(0);
      expect(await countRows('SELECT count(*) AS n FROM role_grants WHERE unit_id = $1', [unit('网格A1').id])).toBe(0);
    });

    it('appoints a person of the caller’s community and answers 404 for a list filtered by a person of another', async () => {
      const appointed = await api.post(
        '/api/v1/staff-roles',
        { personId: residentA, role: 'grid_worker', unitId: unit('网格A1').id },
        adminA,
      );
      expect(appointed.status).toBe(201);
      expectProblem(await api.get(`/api/v1/staff-roles?personId=${residentB}`, adminA), 404, 'resource.not-found');
      const listed = await api.get(`/api/v1/staff-roles?personId=${residentA}`, adminA);
      expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([appointed.body.id]);
    });
  });

  describe('dual registrations', () => {
    it('refuses a member living and organized in another community, and an institution of another community that is not the registrant’s own', async () => {
      const memberB = await createMember({
        personId: await personIn('楼栋B1-1'),
        organizationId: branchB,
        category: 'in_service',
      });
      expectProblem(
        await api.post(
          '/api/v1/dual-registrations',
          { kind: 'member', memberId: memberB.id, communityUnitId: unit('社区A').id },
          secretaryA,
        ),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.get(`/api/v1/dual-registrations?memberId=${memberB.id}`, secretaryA),
        404,
        'resource.not-found',
      );

      const agency = await createPartyOrganization({
        kind: 'branch',
        name: '区教育局党支部',
        unitId: unit('社区B').id,
      });
      const memberA = await createMember({
        personId: await personIn('楼栋A1-1'),
        organizationId: agency.id,
        category: 'in_service',
      });
      const elsewhere = await createInstitution({ name: '社区B某公司', unitId: unit('社区B').id });
      expectProblem(
        await api.post(
          '/api/v1/dual-registrations',
          { kind: 'member', memberId: memberA.id, communityUnitId: unit('社区A').id, institutionId: elsewhere.id },
          secretaryA,
        ),
        404,
        'resource.not-found',
      );
      expect(
        await countRows('SELECT count(*) AS n FROM dual_registrations WHERE member_id = ANY($1::uuid[])', [
          [memberA.id, memberB.id],
        ]),
      ).toBe(0);

      // The member's own workplace (its party organization holds the member's relation) may lie elsewhere.
      const workplace = await createInstitution({
        name: '区教育局',
        unitId: unit('社区B').id,
        partyOrganizationId: agency.id,
      });
      const registered = await api.post(
        '/api/v1/dual-registrations',
        { kind: 'member', memberId: memberA.id, communityUnitId: unit('社区A').id, institutionId: workplace.id },
        secretaryA,
      );
      expect(registered.status).toBe(201);
    });
  });

  describe('institutions, party organizations, people and units', () => {
    it('refuses a party organization of another community for an institution', async () => {
      expectProblem(
        await api.post(
          '/api/v1/institutions',
          { kind: 'private_enterprise', name: '某公司', unitId: unit('网格A1').id, partyOrganizationId: branchB },
          secretaryA,
        ),
        404,
        'resource.not-found',
      );
      expect(await countRows(`SELECT count(*) AS n FROM institutions WHERE name = '某公司'`)).toBe(0);
    });

    it('refuses covered units and parents of another community, and a list filtered by such a parent', async () => {
      const base = { kind: 'branch', name: '新支部', unitId: unit('社区A').id };
      expectProblem(
        await api.post(
          '/api/v1/party-organizations',
          { ...base, kind: 'joint_branch', coveredUnitIds: [unit('网格A1').id, unit('网格B1').id] },
          secretaryA,
        ),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.post('/api/v1/party-organizations', { ...base, kind: 'party_group', parentId: branchB }, secretaryA),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.get(`/api/v1/party-organizations?parentId=${branchB}`, secretaryA),
        404,
        'resource.not-found',
      );
      expect(await countRows(`SELECT count(*) AS n FROM party_organizations WHERE name = '新支部'`)).toBe(0);
    });

    it('refuses a residence unit of another community and a parent unit of another community', async () => {
      expectProblem(
        await api.post('/api/v1/people', { name: '赵六', residenceUnitId: unit('楼栋B1-1').id }, secretaryA),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.post('/api/v1/units', { kind: 'grid', name: '网格X', parentId: unit('社区B').id }, adminA),
        404,
        'resource.not-found',
      );
      expect(await countRows(`SELECT count(*) AS n FROM people WHERE name = '赵六'`)).toBe(0);
      expect(await countRows(`SELECT count(*) AS n FROM units WHERE name = '网格X'`)).toBe(0);
    });
  });
});
