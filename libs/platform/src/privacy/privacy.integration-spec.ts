import { randomUUID } from 'node:crypto';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createMember,
  createOfficer,
  createPartyOrganization,
  createStaffRole,
  createUnitTree,
  CreatedUser,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';

type LoggedIn = CreatedUser & { token: string };

/**
 * The PIPL operations on the real stack (organization, points and volunteers enabled): a person's
 * own data export, and anonymisation refused while a domain still needs the identity.
 */
describe('personal data: export and anonymisation', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name)!;
  let adminA: LoggedIn;
  let adminB: LoggedIn;
  let personId: string;
  let resident: LoggedIn;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
  });
  beforeEach(async () => {
    await resetState();
    units = await createUnitTree(smallDistrict());
    const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
    adminA = await createLoggedInUser(api, { role: 'admin', ...at('社区A') });
    adminB = await createLoggedInUser(api, { role: 'admin', ...at('社区B') });
    const registered = await api.post(
      '/api/v1/people',
      {
        name: '王芳',
        phone: '13812345678',
        idNumber: '11010519491231002X',
        gender: 'female',
        birthDate: '1949-12-31',
        residenceUnitId: unit('楼栋A1-1').id,
      },
      adminA.token,
    );
    expect(registered.status).toBe(201);
    personId = registered.body.id as string;
    resident = await createLoggedInUser(api, { personId, displayName: '王芳', ...at('社区A') });
  });
  afterAll(() => api.close());

  async function award(amount: number): Promise<void> {
    const response = await api.post(
      '/api/v1/points/adjustments',
      { ownerType: 'person', ownerId: personId, accountKind: 'redeemable', amount, reason: '协助社区活动' },
      adminA.token,
    );
    expect(response.status).toBe(201);
  }

  async function reserve(): Promise<{ id: string; pickupCode: string }> {
    const reward = await api.post(
      `/api/v1/points/stores/${unit('社区A').id}/rewards`,
      { name: '洗衣液（2kg）', cost: 5, stock: 10 },
      adminA.token,
    );
    expect(reward.status).toBe(201);
    const redemption = await api.post(
      '/api/v1/points/redemptions',
      { rewardId: reward.body.id, quantity: 1, ownerType: 'person', ownerId: personId, idempotencyKey: randomUUID() },
      resident.token,
    );
    expect(redemption.status).toBe(201);
    return redemption.body as { id: string; pickupCode: string };
  }

  async function volunteerProfile(): Promise<void> {
    await withTestDb((client) =>
      client.query(
        `INSERT INTO volunteer_profiles (person_id, unit_id, unit_path, skills, bio) VALUES ($1, $2, $3, '{first_aid}', $4)`,
        [personId, unit('社区A').id, unit('社区A').path, '退休护士，住A1-1楼3单元'],
      ),
    );
  }

  async function openDemand(): Promise<string> {
    return withTestDb(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO volunteer_demands (kind, unit_id, unit_path, title, requester_person_id, posted_by_user_id, status)
         VALUES ('micro_wish', $1, $2, '想要一副老花镜', $3, $4, 'open') RETURNING id`,
        [unit('社区A').id, unit('社区A').path, personId, adminA.id],
      );
      return rows[0].id;
    });
  }

  async function partyMember(): Promise<void> {
    const branch = await createPartyOrganization({ kind: 'branch', name: '社区A党支部', unitId: unit('社区A').id });
    await createMember({ personId, organizationId: branch.id });
  }

  describe('GET /me/data', () => {
    it("answers everything the platform holds about the caller's person, own phone and ID number in clear, audited", async () => {
      await award(20);
      const reservation = await reserve();
      await volunteerProfile();
      await partyMember();

      const response = await api.get('/api/v1/me/data', resident.token);
      expect(response.status).toBe(200);
      const body = response.body;
      expect(body.account).toMatchObject({ id: resident.id, username: resident.username, displayName: '王芳' });
      expect(body.personId).toBe(personId);
      expect(Object.keys(body.domains).sort()).toEqual([
        'cases',
        'deliberation',
        'organization',
        'points',
        'property-governance',
        'volunteers',
      ]);
      expect(body.domains.organization.person).toMatchObject({
        id: personId,
        name: '王芳',
        phone: '13812345678',
        idNumber: '11010519491231002X',
        gender: 'female',
        birthDate: '1949-12-31',
        residence: { unitId: unit('楼栋A1-1').id, name: '楼栋A1-1', kind: 'building' },
      });
      expect(body.domains.organization.partyMembership).toMatchObject({
        organizationName: '社区A党支部',
        category: 'resident',
      });
      const redeemable = body.domains.points.accounts.find((a: { kind: string }) => a.kind === 'redeemable');
      expect(redeemable.balance).toBe(15);
      expect(redeemable.entries.map((e: { amount: number }) => e.amount)).toEqual([20, -5]);
      expect(body.domains.points.redemptions).toEqual([
        expect.objectContaining({ id: reservation.id, status: 'reserved', pickupCode: reservation.pickupCode }),
      ]);
      expect(body.domains.volunteers.profile).toMatchObject({ skills: ['first_aid'], bio: '退休护士，住A1-1楼3单元' });

      const stored = await withTestDb((client) =>
        client.query<{ phone_cipher: string; phone_index: string }>(
          'SELECT phone_cipher, phone_index FROM people WHERE id = $1',
          [personId],
        ),
      );
      const text = JSON.stringify(body);
      expect(text).not.toContain(stored.rows[0].phone_cipher);
      expect(text).not.toContain(stored.rows[0].phone_index);
      expect(text).not.toMatch(/password|argon/i);

      const audit = await withTestDb((client) =>
        client.query(
          `SELECT actor_user_id, target_type, target_id, unit_id, data FROM audit_log WHERE action = 'privacy.data-exported'`,
        ),
      );
      expect(audit.rows).toEqual([
        {
          actor_user_id: resident.id,
          target_type: 'person',
          target_id: personId,
          unit_id: unit('社区A').id,
          data: { domains: ['cases', 'deliberation', 'organization', 'points', 'property-governance', 'volunteers'] },
        },
      ]);
      expect(JSON.stringify(audit.rows)).not.toContain('13812345678');
    });

    it('answers only the account for an account that acts for no person', async () => {
      const response = await api.get('/api/v1/me/data', adminA.token);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ personId: null, domains: {}, account: { id: adminA.id } });
      expect(response.body.account.grants).toEqual([{ role: 'admin', unitId: unit('社区A').id }]);
    });

    it('refuses an anonymous caller', async () => {
      expectProblem(await api.get('/api/v1/me/data'), 401, 'auth.unauthenticated');
    });
  });

  describe('POST /privacy/people/:id/anonymise', () => {
    const anonymise = (id: string, token: string) => api.post(`/api/v1/privacy/people/${id}/anonymise`, {}, token);
    const nameOf = async (id: string) =>
      (await withTestDb((client) => client.query<{ name: string }>('SELECT name FROM people WHERE id = $1', [id])))
        .rows[0].name;

    it('answers 404 outside the scope and for an unknown person, changing nothing', async () => {
      expectProblem(await anonymise(personId, adminB.token), 404, 'resource.not-found');
      expectProblem(await anonymise(randomUUID(), adminA.token), 404, 'resource.not-found');
      expect(await nameOf(personId)).toBe('王芳');
      expect((await api.get('/api/v1/me', resident.token)).status).toBe(200);
    });

    it('refuses with 409 privacy.identity-still-needed while a domain holds the identity, listing the holds', async () => {
      await award(20);
      await reserve();
      await partyMember();
      await openDemand();
      const refused = await anonymise(personId, adminA.token);
      expectProblem(refused, 409, 'privacy.identity-still-needed');
      expect(refused.body.holds.map((hold: { code: string }) => hold.code).sort()).toEqual([
        'organization.party-member',
        'points.open-reservation',
        'volunteers.open-demand',
      ]);
      expect(refused.body.holds).toContainEqual({
        domain: 'points',
        code: 'points.open-reservation',
        detail: '有 1 个待领取的积分兑换',
        count: 1,
      });
      expect(await nameOf(personId)).toBe('王芳');
      expect(await countRows(`SELECT count(*) FROM audit_log WHERE action = 'privacy.person-anonymised'`)).toBe(0);
      expect((await api.get('/api/v1/me', resident.token)).status).toBe(200);
    });

    it('lets ended posts and roles and decided hour requests through', async () => {
      const committee = await createPartyOrganization({
        kind: 'committee',
        name: '社区A党委',
        unitId: unit('社区A').id,
      });
      await createOfficer({ organizationId: committee.id, personId, role: 'committee_member', endedAt: '2025-06-30' });
      await createStaffRole({ personId, role: 'grid_worker', unitId: unit('网格A1').id, endedAt: '2025-06-30' });
      await withTestDb((client) =>
        client.query(
          `INSERT INTO volunteer_hour_requests (person_id, unit_id, unit_path, service_date, hours, description, status,
                                                approved_hours, requested_by, decided_by, decided_at, created_at)
           VALUES ($1, $2, $3, '2025-05-01', 2, '社区清扫', 'approved', 2, $4, $4, now(), now())`,
          [personId, unit('社区A').id, unit('社区A').path, adminA.id],
        ),
      );
      expect((await anonymise(personId, adminA.token)).status).toBe(200);
    });

    it('refuses while the person holds an officer post, a staff role or a pending hour request', async () => {
      const committee = await createPartyOrganization({
        kind: 'committee',
        name: '社区A党委',
        unitId: unit('社区A').id,
      });
      await createOfficer({ organizationId: committee.id, personId, role: 'committee_member' });
      await createStaffRole({ personId, role: 'building_head', unitId: unit('楼栋A1-1').id });
      await withTestDb((client) =>
        client.query(
          `INSERT INTO volunteer_hour_requests (person_id, unit_id, unit_path, service_date, hours, description, requested_by, created_at)
           VALUES ($1, $2, $3, '2025-05-01', 2, '社区清扫', $4, now())`,
          [personId, unit('社区A').id, unit('社区A').path, adminA.id],
        ),
      );
      const refused = await anonymise(personId, adminA.token);
      expectProblem(refused, 409, 'privacy.identity-still-needed');
      expect(refused.body.holds.map((hold: { code: string }) => hold.code).sort()).toEqual([
        'organization.officer-post',
        'organization.staff-role',
        'volunteers.pending-hours',
      ]);
    });

    it('erases the personal data, keeps the records under the same id and deactivates the account, audited', async () => {
      await award(20);
      const reservation = await reserve();
      await volunteerProfile();
      const demandId = await openDemand();
      // Settle what held the identity: the reservation is cancelled, the demand closed.
      expect((await api.post(`/api/v1/points/redemptions/${reservation.id}/cancel`, {}, adminA.token)).status).toBe(
        200,
      );
      await withTestDb((client) =>
        client.query(`UPDATE volunteer_demands SET status = 'closed' WHERE id = $1`, [demandId]),
      );

      const answer = await anonymise(personId, adminA.token);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        personId,
        pseudonym: expect.stringMatching(/^已注销用户-[0-9a-f]{8}$/),
        erased: {
          cases: [],
          deliberation: [],
          organization: ['name', 'phone', 'idNumber', 'gender', 'birthDate', 'externalId'],
          'property-governance': [],
          volunteers: ['bio'],
        },
        deactivatedAccountIds: [resident.id],
      });
      const pseudonym = answer.body.pseudonym as string;

      const person = await withTestDb((client) => client.query('SELECT * FROM people WHERE id = $1', [personId]));
      expect(person.rows[0]).toMatchObject({
        name: pseudonym,
        phone_cipher: null,
        phone_index: null,
        phone_masked: null,
        id_number_cipher: null,
        id_number_index: null,
        id_number_masked: null,
        gender: null,
        birth_date: null,
        residence_unit_id: unit('楼栋A1-1').id,
      });
      // The ledger stays under the same person id.
      expect(
        await countRows(
          `SELECT count(*) FROM point_entries e JOIN point_accounts a ON a.id = e.account_id WHERE a.owner_type = 'person' AND a.owner_id = $1`,
          [personId],
        ),
      ).toBe(3);
      expect(
        await countRows(`SELECT count(*) FROM volunteer_profiles WHERE person_id = $1 AND bio IS NULL`, [personId]),
      ).toBe(1);
      expect(await countRows(`SELECT count(*) FROM volunteer_demands WHERE requester_person_id = $1`, [personId])).toBe(
        1,
      );

      const account = await withTestDb((client) =>
        client.query('SELECT username, display_name, is_active, person_id FROM users WHERE id = $1', [resident.id]),
      );
      expect(account.rows[0]).toEqual({
        username: expect.stringMatching(/^anonymised-[0-9a-f]{12}$/),
        display_name: null,
        is_active: false,
        person_id: personId,
      });
      expectProblem(await api.get('/api/v1/me', resident.token), 401, 'auth.unauthenticated');
      const people = await api.get(`/api/v1/people/${personId}`, adminA.token);
      expect(people.body.name).toBe(pseudonym);

      const audit = await withTestDb((client) =>
        client.query(
          `SELECT action, actor_user_id, target_id, unit_id, data FROM audit_log
            WHERE action IN ('privacy.person-anonymised', 'users.deactivated') ORDER BY seq`,
        ),
      );
      expect(audit.rows).toEqual([
        {
          action: 'privacy.person-anonymised',
          actor_user_id: adminA.id,
          target_id: personId,
          unit_id: unit('楼栋A1-1').id,
          data: {
            pseudonym,
            erased: answer.body.erased,
            deactivatedAccountIds: [resident.id],
          },
        },
        {
          action: 'users.deactivated',
          actor_user_id: adminA.id,
          target_id: resident.id,
          unit_id: unit('社区A').id,
          data: { cause: 'privacy.person-anonymised', personId },
        },
      ]);
      expect(JSON.stringify(audit.rows)).not.toMatch(/王芳|13812345678|110105/);

      const again = await anonymise(personId, adminA.token);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ pseudonym, deactivatedAccountIds: [] });

      // The erased person never acts again: no account is linked to them any more.
      await withTestDb((client) => client.query('UPDATE users SET person_id = NULL WHERE id = $1', [resident.id]));
      expectProblem(
        await api.post(
          '/api/v1/users',
          { username: 'revived', password: 'password-123456', personId, unitId: unit('社区A').id },
          adminA.token,
        ),
        409,
        'users.person-anonymised',
      );
      expect(await countRows(`SELECT count(*) FROM users WHERE username = 'revived'`)).toBe(0);
    });
  });
});
