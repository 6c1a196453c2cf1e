import { AuthenticatedUser, Permission, ProblemException, Role, ScopedReferences } from '@linli/platform';
import {
  bootApi,
  createPartyOrganization,
  createPerson,
  createUnitTree,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
} from '@linli/testing';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

function caller(role: Role, unit: ScenarioUnit): AuthenticatedUser {
  return {
    userId: UNKNOWN,
    username: 'caller',
    displayName: null,
    personId: null,
    grants: [{ id: 'g', role, unitId: unit.id, unitPath: unit.path }],
  };
}

async function problemOf(promise: Promise<unknown>): Promise<{ status: number; detail?: string } | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return { status: error.status, detail: error.detail };
  }
}

/** The kernel's reference check with organization's kinds: ids a request carries resolve in the caller's scope. */
describe('scoped references (unit, person, organization)', () => {
  let api: TestApi;
  let references: ScopedReferences;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  let residentA: string;
  let residentB: string;
  let branchB: string;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    references = api.app.get(ScopedReferences);
    units = await createUnitTree(smallDistrict());
    residentA = (await createPerson({ name: '张伟', residenceUnitId: unit('楼栋A1-1').id })).id;
    residentB = (await createPerson({ name: '王芳', residenceUnitId: unit('楼栋B1-1').id })).id;
    branchB = (await createPartyOrganization({ kind: 'branch', name: '社区B党支部', unitId: unit('社区B').id })).id;
  });

  afterAll(() => api?.close());

  it('answers the paths of ids within the scope', async () => {
    const staffA = caller('admin', unit('社区A'));
    const resolved = await references.reach(staffA, Permission.PeopleRead, {
      person: residentA,
      unit: [unit('网格A1').id, unit('社区A').id],
    });
    expect(resolved.get('person')?.get(residentA)).toBe(unit('楼栋A1-1').path);
    expect([...(resolved.get('unit')?.values() ?? [])]).toEqual([unit('网格A1').path, unit('社区A').path]);
  });

  it('answers 404 for a person, unit or organization of another community, naming the kind', async () => {
    const staffA = caller('admin', unit('社区A'));
    expect(
      await problemOf(references.reach(staffA, Permission.PeopleRead, { person: [residentA, residentB] })),
    ).toEqual({
      status: 404,
      detail: '未找到该人员',
    });
    expect(await problemOf(references.reachOne(staffA, Permission.PeopleRead, 'unit', unit('社区B').id))).toEqual({
      status: 404,
      detail: '未找到该单位',
    });
    expect(await problemOf(references.reachOne(staffA, Permission.PeopleRead, 'organization', branchB))).toEqual({
      status: 404,
      detail: '未找到该党组织',
    });
  });

  it('answers 404 for unknown and malformed ids; a grant higher up reaches them all', async () => {
    const staffA = caller('admin', unit('社区A'));
    expect(await problemOf(references.reachOne(staffA, Permission.PeopleRead, 'person', UNKNOWN))).toMatchObject({
      status: 404,
    });
    expect(await problemOf(references.reachOne(staffA, Permission.PeopleRead, 'person', 'not-a-uuid'))).toMatchObject({
      status: 404,
    });
    const districtAdmin = caller('admin', unit('示范区'));
    expect(await references.reachOne(districtAdmin, Permission.PeopleRead, 'person', residentB)).toBe(
      unit('楼栋B1-1').path,
    );
  });

  it('skips absent entries and refuses a kind nobody registered', async () => {
    const staffA = caller('admin', unit('社区A'));
    expect((await references.reach(staffA, Permission.PeopleRead, { person: undefined, unit: [] })).size).toBe(0);
    await expect(references.reachOne(staffA, Permission.PeopleRead, 'spaceship', UNKNOWN)).rejects.toThrow(
      'no resolver registered for reference kind spaceship',
    );
  });
});
