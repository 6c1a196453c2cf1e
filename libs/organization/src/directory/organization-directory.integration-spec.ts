import { AuthenticatedUser, Permission, ProblemException, Role, TransactionRunner } from '@linli/platform';
import {
  bootApi,
  createInstitution,
  createMember,
  createMemberDualRegistration,
  createOfficer,
  createOrganizationDualRegistration,
  createPartyOrganization,
  createPerson,
  createStaffRole,
  createUnitTree,
  createUser,
  PartyScenarioPerson,
  resetState,
  ScenarioPartyOrganization,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { OrganizationDirectory } from './organization-directory';

const MALFORMED = 'not-a-uuid';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const ON = '2026-06-01';

function caller(role: Role, unit: ScenarioUnit): AuthenticatedUser {
  return {
    userId: UNKNOWN,
    username: 'caller',
    displayName: null,
    personId: null,
    grants: [{ id: 'g', role, unitId: unit.id, unitPath: unit.path }],
  };
}

async function problemOf(promise: Promise<unknown>): Promise<{ status: number; code: string } | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return { status: error.status, code: error.code };
  }
}

/**
 * Organization's directory against the real database: what other domains may know of units,
 * people, members and organizations, in batches, with malformed or unknown keys simply absent.
 */
describe('organization directory', () => {
  let api: TestApi;
  let directory: OrganizationDirectory;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const people: Record<string, PartyScenarioPerson> = {};
  const orgs: Record<string, ScenarioPartyOrganization> = {};
  const members: Record<string, string> = {};
  const registrations: Record<string, string> = {};
  const institutions: Record<string, string> = {};
  let accountOfZhang: string;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    directory = api.app.get(OrganizationDirectory);
    units = await createUnitTree(smallDistrict());

    orgs.a = await createPartyOrganization({
      kind: 'branch',
      name: '社区A党支部',
      unitId: unit('社区A').id,
      coveredUnitIds: [unit('网格A1').id, unit('社区A').id],
    });
    orgs.b = await createPartyOrganization({ kind: 'branch', name: '社区B党支部', unitId: unit('社区B').id });
    orgs.agency = await createPartyOrganization({
      kind: 'branch',
      name: '区税务局机关党支部',
      unitId: unit('示范街道').id,
    });
    institutions.agency = (
      await createInstitution({ name: '区税务局', unitId: unit('示范街道').id, partyOrganizationId: orgs.agency.id })
    ).id;
    institutions.shop = (
      await createInstitution({ kind: 'private_enterprise', name: '街角便利店', unitId: unit('社区A').id })
    ).id;

    const person = async (key: string, name: string, building: string) =>
      (people[key] = await createPerson({ name, residenceUnitId: unit(building).id }));
    await person('zhang', '张伟', '楼栋A1-1');
    await person('li', '李娜', '楼栋A1-1');
    await person('wang', '王芳', '楼栋B1-1');
    await person('zhao', '赵磊', '楼栋B1-1');
    await person('sun', '孙丽', '楼栋A1-1');
    await person('chen', '陈静', '楼栋B1-1');
    await person('secretaryA', '刘书记', '楼栋A1-1');
    await person('formerSecretaryB', '周书记', '楼栋B1-1');
    await withTestDb((client) =>
      client.query(`UPDATE people SET birth_date = '1980-02-29' WHERE id = $1`, [people.zhang.id]),
    );

    members.zhang = (
      await createMember({ personId: people.zhang.id, organizationId: orgs.a.id, category: 'in_service' })
    ).id;
    members.li = (await createMember({ personId: people.li.id, organizationId: orgs.a.id, category: 'in_service' })).id;
    members.wang = (
      await createMember({
        personId: people.wang.id,
        organizationId: orgs.b.id,
        category: 'in_service',
        status: 'probationary',
      })
    ).id;
    members.zhao = (
      await createMember({ personId: people.zhao.id, organizationId: orgs.b.id, category: 'in_service' })
    ).id;
    members.sun = (
      await createMember({ personId: people.sun.id, organizationId: orgs.a.id, category: 'in_service' })
    ).id;

    // 张伟: in force at the agency (whose party organization counts); 李娜: ended; 王芳: starts in July;
    // 赵磊: its period ended in May; 孙丽: in force, but her workplace has no party organization.
    registrations.zhang = (
      await createMemberDualRegistration({
        memberId: members.zhang,
        communityUnitId: unit('社区A').id,
        institutionId: institutions.agency,
      })
    ).id;
    registrations.li = (
      await createMemberDualRegistration({
        memberId: members.li,
        communityUnitId: unit('社区A').id,
        institutionId: institutions.agency,
        endedAt: '2026-03-01T00:00:00Z',
      })
    ).id;
    registrations.wang = (
      await createMemberDualRegistration({
        memberId: members.wang,
        communityUnitId: unit('社区B').id,
        institutionId: institutions.agency,
        periodStart: '2026-07-01',
      })
    ).id;
    registrations.zhao = (
      await createMemberDualRegistration({
        memberId: members.zhao,
        communityUnitId: unit('社区B').id,
        institutionId: institutions.agency,
        periodEnd: '2026-05-31',
      })
    ).id;
    registrations.sun = (
      await createMemberDualRegistration({
        memberId: members.sun,
        communityUnitId: unit('社区A').id,
        institutionId: institutions.shop,
      })
    ).id;
    registrations.agencyAtA = (
      await createOrganizationDualRegistration({
        organizationId: orgs.agency.id,
        communityUnitId: unit('社区A').id,
        institutionId: institutions.agency,
      })
    ).id;

    await createOfficer({ organizationId: orgs.a.id, personId: people.secretaryA.id });
    await createOfficer({
      organizationId: orgs.b.id,
      personId: people.formerSecretaryB.id,
      endedAt: '2026-01-15T00:00:00Z',
    });
    await createOfficer({ organizationId: orgs.b.id, personId: people.wang.id, role: 'deputy_secretary' });

    await createStaffRole({ personId: people.sun.id, role: 'grid_worker', unitId: unit('网格A1').id });
    await createStaffRole({
      personId: people.li.id,
      role: 'grid_worker',
      unitId: unit('网格A1').id,
      endedAt: '2026-02-01T00:00:00Z',
    });
    await createStaffRole({ personId: people.zhang.id, role: 'building_head', unitId: unit('楼栋A1-1').id });
    await createStaffRole({ personId: people.chen.id, role: 'building_head', unitId: unit('楼栋B1-1').id });

    accountOfZhang = (await createUser(api, { personId: people.zhang.id })).id;
    await createUser(api, { personId: people.li.id, isActive: false });
  });
  afterAll(() => api.close());

  describe('units', () => {
    it('answers units by id and by path with kind, name, path, depth and parent; unknown and malformed keys are absent', async () => {
      const byIds = await directory.units.byIds([
        unit('社区A').id,
        unit('楼栋B1-1').id,
        unit('社区A').id,
        UNKNOWN,
        MALFORMED,
      ]);
      expect([...byIds.keys()].sort()).toEqual([unit('社区A').id, unit('楼栋B1-1').id].sort());
      expect(byIds.get(unit('社区A').id)).toEqual({
        id: unit('社区A').id,
        kind: 'community',
        name: '社区A',
        code: null,
        path: unit('社区A').path,
        depth: 3,
        parentId: unit('示范街道').id,
      });
      expect(byIds.get(unit('楼栋B1-1').id)).toMatchObject({ kind: 'building', depth: 6, parentId: unit('小区B1').id });

      const byPaths = await directory.units.byPaths([unit('网格A1').path, `${unit('网格A1').path}.999999`, 'x.y']);
      expect([...byPaths.entries()].map(([path, u]) => [path, u.id])).toEqual([
        [unit('网格A1').path, unit('网格A1').id],
      ]);
      expect(await directory.units.byIds([MALFORMED])).toEqual(new Map());
    });

    it('lists the ancestors of each path from the root down to the unit itself, in one call', async () => {
      const ancestors = await directory.units.ancestors([unit('楼栋A1-1').path, unit('社区B').path, 'x.y']);
      expect(ancestors.get(unit('楼栋A1-1').path)?.map((u) => u.name)).toEqual([
        '示范市',
        '示范区',
        '示范街道',
        '社区A',
        '网格A1',
        '小区A1',
        '楼栋A1-1',
      ]);
      expect(ancestors.get(unit('社区B').path)?.map((u) => u.name)).toEqual(['示范市', '示范区', '示范街道', '社区B']);
      expect(ancestors.get('x.y')).toEqual([]);
    });

    it('finds the community (or street) enclosing each path, a path above that level being absent', async () => {
      const paths = [unit('楼栋A1-1').path, unit('网格B1').path, unit('社区A').path, unit('示范街道').path];
      const communities = await directory.units.enclosing(paths, 'community');
      expect(new Map([...communities].map(([path, u]) => [path, u.name]))).toEqual(
        new Map([
          [unit('楼栋A1-1').path, '社区A'],
          [unit('网格B1').path, '社区B'],
          [unit('社区A').path, '社区A'],
        ]),
      );
      const streets = await directory.units.enclosing(paths, 'street');
      expect([...streets.values()].map((u) => u.name)).toEqual(['示范街道', '示范街道', '示范街道', '示范街道']);
    });

    it('lists the descendants of wanted kinds in a subtree by path, the unit itself included when of a wanted kind', async () => {
      expect((await directory.units.descendants(unit('示范街道').path, ['community'])).map((u) => u.name)).toEqual([
        '社区A',
        '社区B',
      ]);
      expect(
        (await directory.units.descendants(unit('社区A').path, ['community', 'grid', 'building'])).map((u) => u.name),
      ).toEqual(['社区A', '网格A1', '楼栋A1-1']);
      expect(await directory.units.descendants(unit('楼栋A1-1').path, ['community'])).toEqual([]);
      expect((await directory.units.allOfKinds(['street', 'district'])).map((u) => u.name)).toEqual([
        '示范区',
        '示范街道',
      ]);
    });

    it('answers a unit in the caller’s scope and 404 for one outside it, an unknown or a malformed id', async () => {
      const secretaryA = caller('secretary', unit('社区A'));
      expect((await directory.units.reachable(secretaryA, Permission.UnitsRead, unit('楼栋A1-1').id)).name).toBe(
        '楼栋A1-1',
      );
      for (const id of [unit('楼栋B1-1').id, unit('示范街道').id, UNKNOWN, MALFORMED]) {
        expect(await problemOf(directory.units.reachable(secretaryA, Permission.UnitsRead, id))).toEqual({
          status: 404,
          code: 'resource.not-found',
        });
      }
    });

    it('anchors units inside the caller’s transaction, 404 for an unknown one', async () => {
      const tx = api.app.get(TransactionRunner);
      const anchored = await tx.run((manager) =>
        directory.units.anchorMany(manager, [unit('社区B').id, MALFORMED, UNKNOWN]),
      );
      expect([...anchored.keys()]).toEqual([unit('社区B').id]);
      expect(await problemOf(tx.run((manager) => directory.units.anchor(manager, UNKNOWN)))).toEqual({
        status: 404,
        code: 'resource.not-found',
      });
    });
  });

  describe('people', () => {
    it('answers people by id with name, residence, birth date and the active account linked to them, never personal data', async () => {
      const found = await directory.people.byIds([people.zhang.id, people.li.id, people.chen.id, UNKNOWN, MALFORMED]);
      expect([...found.keys()].sort()).toEqual([people.zhang.id, people.li.id, people.chen.id].sort());
      expect(found.get(people.zhang.id)).toEqual({
        id: people.zhang.id,
        name: '张伟',
        residenceUnitId: unit('楼栋A1-1').id,
        residencePath: unit('楼栋A1-1').path,
        birthDate: '1980-02-29',
        userId: accountOfZhang,
      });
      // 李娜's account is inactive, 陈静 has none.
      expect(found.get(people.li.id)).toMatchObject({ name: '李娜', birthDate: null, userId: null });
      expect(found.get(people.chen.id)).toMatchObject({
        name: '陈静',
        residencePath: unit('楼栋B1-1').path,
        userId: null,
      });
    });

    it('reads inside the caller’s transaction: a person and account created there, not yet committed, are known to it only', async () => {
      let seenInside: unknown;
      let seenOutside: unknown;
      await expect(
        api.app.get(TransactionRunner).run(async (manager) => {
          const [person] = (await manager.query(
            `INSERT INTO people (name, residence_unit_id, residence_path) VALUES ('吴新', $1, $2) RETURNING id`,
            [unit('楼栋B1-1').id, unit('楼栋B1-1').path],
          )) as { id: string }[];
          const [account] = (await manager.query(
            `INSERT INTO users (username, password_hash, person_id) VALUES ('wu-xin', 'x', $1) RETURNING id`,
            [person.id],
          )) as { id: string }[];
          seenInside = (await directory.people.byIds([person.id], manager)).get(person.id);
          expect(seenInside).toMatchObject({ name: '吴新', userId: account.id });
          seenOutside = (await directory.people.byIds([person.id])).get(person.id);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(seenInside).toBeDefined();
      expect(seenOutside).toBeUndefined();
    });

    it('answers names, and which candidates carry a name prefix', async () => {
      expect(await directory.people.names([people.wang.id, MALFORMED, UNKNOWN])).toEqual(
        new Map([[people.wang.id, '王芳']]),
      );
      const candidates = [people.zhang.id, people.zhao.id, people.wang.id, MALFORMED];
      expect(await directory.people.withNamePrefix('王', candidates)).toEqual(new Set([people.wang.id]));
      expect(await directory.people.withNamePrefix('%', candidates)).toEqual(new Set());
    });

    it('answers a person residing in the caller’s scope and 404 for one outside it, an unknown or a malformed id', async () => {
      const secretaryA = caller('secretary', unit('社区A'));
      expect((await directory.people.reachable(secretaryA, Permission.PeopleRead, people.zhang.id)).name).toBe('张伟');
      for (const id of [people.chen.id, UNKNOWN, MALFORMED]) {
        expect(await problemOf(directory.people.reachable(secretaryA, Permission.PeopleRead, id))).toEqual({
          status: 404,
          code: 'resource.not-found',
        });
      }
      // A store clerk at 社区A does not hold people.read.
      expect(
        await problemOf(
          directory.people.reachable(caller('store_clerk', unit('社区A')), Permission.PeopleRead, people.zhang.id),
        ),
      ).toEqual({
        status: 404,
        code: 'resource.not-found',
      });
    });

    it('counts a member’s contributions for the workplace’s party organization only while a dual registration is in force there', async () => {
      const ids = [
        people.zhang.id,
        people.li.id,
        people.wang.id,
        people.zhao.id,
        people.sun.id,
        people.chen.id,
        MALFORMED,
      ];
      const june = await directory.people.memberships(ids, ON);
      // 陈静 is no member.
      expect([...june.keys()].sort()).toEqual(
        [people.zhang.id, people.li.id, people.wang.id, people.zhao.id, people.sun.id].sort(),
      );
      expect(june.get(people.zhang.id)).toEqual({
        personId: people.zhang.id,
        memberId: members.zhang,
        organizationId: orgs.a.id,
        status: 'full',
        category: 'in_service',
        residencePath: unit('楼栋A1-1').path,
        countsFor: [orgs.a.id, orgs.agency.id].sort(),
      });
      expect(june.get(people.li.id)?.countsFor).toEqual([orgs.a.id]); // registration ended
      expect(june.get(people.wang.id)).toMatchObject({ status: 'probationary', countsFor: [orgs.b.id] }); // not started yet
      expect(june.get(people.zhao.id)?.countsFor).toEqual([orgs.b.id]); // period over
      expect(june.get(people.sun.id)?.countsFor).toEqual([orgs.a.id]); // workplace without a party organization

      const july = await directory.people.memberships([people.wang.id, people.zhao.id], '2026-07-01');
      expect(july.get(people.wang.id)?.countsFor).toEqual([orgs.b.id, orgs.agency.id].sort());
      const may = await directory.people.memberships([people.zhao.id], '2026-05-31');
      expect(may.get(people.zhao.id)?.countsFor).toEqual([orgs.b.id, orgs.agency.id].sort());
      expect(await directory.people.memberships([MALFORMED, UNKNOWN], ON)).toEqual(new Map());
    });

    it('lists the members and the residents within subtrees', async () => {
      expect((await directory.people.membersWithin(unit('社区A').path)).map((m) => m.personId)).toEqual(
        [people.zhang.id, people.li.id, people.sun.id].sort(),
      );
      expect(await directory.people.residentsWithin([unit('社区B').path])).toEqual(
        [people.wang.id, people.zhao.id, people.chen.id, people.formerSecretaryB.id].sort(),
      );
      expect(await directory.people.residentsWithin([])).toEqual([]);
    });
  });

  describe('organizations', () => {
    it('answers party organizations by id with kind, anchor, covered units and current secretary', async () => {
      const found = await directory.organizations.byIds([orgs.a.id, orgs.b.id, orgs.agency.id, UNKNOWN, MALFORMED]);
      expect([...found.keys()].sort()).toEqual([orgs.a.id, orgs.b.id, orgs.agency.id].sort());
      expect(found.get(orgs.a.id)).toEqual({
        id: orgs.a.id,
        kind: 'branch',
        name: '社区A党支部',
        unitId: unit('社区A').id,
        unitPath: unit('社区A').path,
        coveredUnitIds: [unit('社区A').id, unit('网格A1').id],
        secretaryPersonId: people.secretaryA.id,
      });
      // 社区B's secretary left office (its deputy is no secretary); the agency's has none.
      expect(found.get(orgs.b.id)).toMatchObject({ coveredUnitIds: [unit('社区B').id], secretaryPersonId: null });
      expect(found.get(orgs.agency.id)).toMatchObject({ secretaryPersonId: null });
      expect((await directory.organizations.within(unit('社区A').path)).map((o) => o.id)).toEqual([orgs.a.id]);
    });

    it('answers the organizations covering each unit, in one call for many units', async () => {
      const covering = await directory.organizations.covering([
        unit('网格A1').id,
        unit('社区B').id,
        unit('网格B1').id,
        MALFORMED,
      ]);
      expect(covering.get(unit('网格A1').id)?.map((o) => o.id)).toEqual([orgs.a.id]);
      expect(covering.get(unit('社区B').id)?.map((o) => o.id)).toEqual([orgs.b.id]);
      expect(covering.has(unit('网格B1').id)).toBe(false);
      expect(covering.get(unit('网格A1').id)?.[0]).toMatchObject({ secretaryPersonId: people.secretaryA.id });
    });

    it('answers institutions by id with their party organization', async () => {
      const found = await directory.organizations.institutions([institutions.agency, institutions.shop, MALFORMED]);
      expect(found.get(institutions.agency)).toEqual({
        id: institutions.agency,
        kind: 'agency',
        name: '区税务局',
        unitId: unit('示范街道').id,
        unitPath: unit('示范街道').path,
        partyOrganizationId: orgs.agency.id,
      });
      expect(found.get(institutions.shop)).toMatchObject({ kind: 'private_enterprise', partyOrganizationId: null });
      expect(found.size).toBe(2);
    });

    it('answers the dual registrations in force on a date, by community, person or organization, and kind', async () => {
      const ids = (list: { id: string }[]) => list.map((r) => r.id);
      const atA = await directory.organizations.dualRegistrations({ onDate: ON, communityUnitIds: [unit('社区A').id] });
      expect(ids(atA).sort()).toEqual([registrations.zhang, registrations.sun, registrations.agencyAtA].sort());
      expect(atA.find((r) => r.id === registrations.zhang)).toEqual({
        id: registrations.zhang,
        kind: 'member',
        communityUnitId: unit('社区A').id,
        communityPath: unit('社区A').path,
        memberId: members.zhang,
        personId: people.zhang.id,
        organizationId: null,
        institutionId: institutions.agency,
        periodStart: '2026-01-01',
        periodEnd: null,
      });
      expect(atA.find((r) => r.id === registrations.agencyAtA)).toMatchObject({
        kind: 'organization',
        memberId: null,
        personId: null,
        organizationId: orgs.agency.id,
      });

      expect(
        ids(
          await directory.organizations.dualRegistrations({
            onDate: ON,
            communityUnitIds: [unit('社区A').id],
            kind: 'organization',
          }),
        ),
      ).toEqual([registrations.agencyAtA]);
      expect(
        ids(
          await directory.organizations.dualRegistrations({
            onDate: ON,
            personIds: [people.zhang.id, people.li.id, people.wang.id, people.zhao.id],
          }),
        ),
      ).toEqual([registrations.zhang]);
      expect(
        ids(
          await directory.organizations.dualRegistrations({
            onDate: '2026-07-01',
            communityUnitIds: [unit('社区B').id],
          }),
        ),
      ).toEqual([registrations.wang]);
      expect(
        ids(await directory.organizations.dualRegistrations({ onDate: ON, organizationIds: [orgs.agency.id] })),
      ).toEqual([registrations.agencyAtA]);
      expect(await directory.organizations.dualRegistrations({ onDate: ON })).toEqual([]);
      expect(
        await directory.organizations.dualRegistrations({
          onDate: ON,
          personIds: [MALFORMED],
          communityUnitIds: [MALFORMED],
        }),
      ).toEqual([]);
    });

    it('answers the active staff roles at units, optionally of some roles', async () => {
      const at = [unit('网格A1').id, unit('楼栋A1-1').id, MALFORMED];
      expect(await directory.organizations.staffAt(at)).toEqual([
        { personId: people.sun.id, role: 'grid_worker', unitId: unit('网格A1').id, unitPath: unit('网格A1').path },
        {
          personId: people.zhang.id,
          role: 'building_head',
          unitId: unit('楼栋A1-1').id,
          unitPath: unit('楼栋A1-1').path,
        },
      ]);
      expect((await directory.organizations.staffAt(at, ['building_head'])).map((s) => s.personId)).toEqual([
        people.zhang.id,
      ]);
      expect(await directory.organizations.staffAt([MALFORMED])).toEqual([]);
    });
  });
  describe('electorate and households', () => {
    const ids: Record<string, string> = {};
    const insert = (name: string, at: string, birthDate: string | null, householdCode: string | null) =>
      withTestDb(async (client) => {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO people (name, residence_unit_id, residence_path, birth_date, household_code)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [name, unit(at).id, unit(at).path, birthDate, householdCode],
        );
        ids[name] = rows[0].id;
      });

    beforeAll(async () => {
      await insert('满十八', '楼栋A1-1', '2008-06-01', '3-502');
      await insert('差一天', '楼栋A1-1', '2008-06-02', '3-502');
      await insert('同户长辈', '楼栋A1-1', '1960-01-01', '3-502');
      await insert('生日不详', '楼栋A1-1', null, null);
      await insert('独居', '楼栋A1-1', '1970-05-05', null);
      await insert('邻户', '楼栋A1-1', '1975-05-05', '3-601');
      await insert('他楼同号', '楼栋B1-1', '1975-05-05', '3-502');
    });

    it('lists the people of a subtree of age on the date, those of unknown birth date included, sorted by id', async () => {
      const roll = await directory.people.electorate(unit('网格A1').path, ON);
      const mine = new Set(Object.values(ids));
      const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
      const onRoll = roll.filter((elector) => mine.has(elector.personId)).map((elector) => elector.personId);
      expect(onRoll.map((id) => names.get(id)).sort()).toEqual(
        ['同户长辈', '满十八', '独居', '生日不详', '邻户'].sort(),
      );
      expect(roll.map((elector) => elector.personId)).toEqual([...roll.map((elector) => elector.personId)].sort());
      // One day short of 18 on the date: on the roll the next day.
      const nextDay = await directory.people.electorate(unit('网格A1').path, '2026-06-02');
      expect(nextDay.map((elector) => elector.personId)).toContain(ids['差一天']);
    });

    it('gives one household key to one unit and code, and a key of their own to people without a code', async () => {
      const roll = new Map(
        (await directory.people.electorate(unit('楼栋A1-1').path, ON)).map((e) => [e.personId, e.householdKey]),
      );
      expect(roll.get(ids['满十八'])).toBe(roll.get(ids['同户长辈']));
      expect(roll.get(ids['邻户'])).not.toBe(roll.get(ids['满十八']));
      expect(roll.get(ids['独居'])).not.toBe(roll.get(ids['生日不详']));
      const households = await directory.people.households([...Object.values(ids), UNKNOWN, MALFORMED]);
      expect(households.size).toBe(Object.keys(ids).length);
      expect(households.get(ids['差一天'])).toBe(roll.get(ids['满十八']));
      expect(households.get(ids['他楼同号'])).not.toBe(households.get(ids['满十八']));
      expect(households.get(ids['独居'])).toBe(roll.get(ids['独居']));
    });
  });
});
