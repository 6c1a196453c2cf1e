import { randomUUID } from 'node:crypto';
import { bootApi, createUnitTree, createUser, resetState, ScenarioUnit, smallDistrict, TestApi } from '@linli/testing';
import { AccountsDirectory } from './accounts.directory';

/** The kernel's read API over accounts and grants: who answers for a unit (nearest grant wins). */
describe('AccountsDirectory', () => {
  let api: TestApi;
  let accounts: AccountsDirectory;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    accounts = api.app.get(AccountsDirectory);
    units = await createUnitTree(smallDistrict());
    const secretary = async (
      key: string,
      grants: { unitId: string | null; unitPath: string | null }[],
      isActive = true,
    ) =>
      (ids[key] = (
        await createUser(api, { grants: grants.map((g) => ({ role: 'secretary' as const, ...g })), isActive })
      ).id);
    await secretary('community', [at('社区A')]);
    await secretary('street', [at('示范街道')]);
    await secretary('deployment', [{ unitId: null, unitPath: null }]);
    await secretary('inactive', [at('社区B')], false);
    await secretary('gridOne', [at('网格A1')]);
    await secretary('gridTwo', [at('网格A1')]);
    // Holds the street and 社区A: answers at the nearest of the two for each path.
    await secretary('both', [at('示范街道'), at('社区A')]);
    // A path that merely starts with 社区A's characters is no ancestor of it.
    await secretary('lookalike', [{ unitId: randomUUID(), unitPath: `${unit('社区A').path}9` }]);
    ids.gridWorker = (await createUser(api, { role: 'grid_worker', ...at('社区B') })).id;
  });
  afterAll(() => api.close());

  it('answers for each path the active holders of the role at the nearest grant at or above it, a deployment-wide grant last', async () => {
    const paths = [
      unit('楼栋A1-1').path,
      unit('社区A').path,
      unit('楼栋B1-1').path,
      unit('示范区').path,
      '999999.1',
      unit('社区A').path,
    ];
    const holders = await accounts.nearestRoleHolders('secretary', paths);
    expect(holders).toEqual(
      new Map([
        [unit('楼栋A1-1').path, [ids.gridOne, ids.gridTwo].sort()],
        [unit('社区A').path, [ids.community, ids.both].sort()],
        // 社区B's secretary is inactive: the street answers (and 'both' through its street grant).
        [unit('楼栋B1-1').path, [ids.street, ids.both].sort()],
        [unit('示范区').path, [ids.deployment]],
        ['999999.1', [ids.deployment]],
      ]),
    );
  });

  it('tells which accounts hold a role at a path or above it: not below, not inactive, not a lookalike path', async () => {
    const everyone = Object.values(ids);
    expect(await accounts.holdersAt(everyone, ['secretary'], unit('楼栋A1-1').path)).toEqual(
      new Set([ids.community, ids.street, ids.deployment, ids.gridOne, ids.gridTwo, ids.both]),
    );
    expect(await accounts.holdersAt(everyone, ['secretary'], unit('示范街道').path)).toEqual(
      new Set([ids.street, ids.deployment, ids.both]),
    );
    expect(await accounts.holdersAt(everyone, ['grid_worker', 'secretary'], unit('楼栋B1-1').path)).toEqual(
      new Set([ids.street, ids.deployment, ids.both, ids.gridWorker]),
    );
    expect(await accounts.holdersAt([], ['secretary'], unit('社区A').path)).toEqual(new Set());
  });

  it('leaves out paths nobody answers for, and answers nothing for no paths', async () => {
    expect(await accounts.nearestRoleHolders('store_clerk', [unit('社区A').path])).toEqual(new Map());
    expect(await accounts.nearestRoleHolders('grid_worker', [unit('楼栋B1-1').path, unit('楼栋A1-1').path])).toEqual(
      new Map([[unit('楼栋B1-1').path, [ids.gridWorker]]]),
    );
    expect(await accounts.nearestRoleHolders('secretary', [])).toEqual(new Map());
  });

  it('answers the active account linked to each person', async () => {
    const person = randomUUID();
    const inactivePerson = randomUUID();
    const linked = await createUser(api, { personId: person });
    await createUser(api, { personId: inactivePerson, isActive: false });
    expect(await accounts.accountsOfPeople([person, inactivePerson, randomUUID(), person])).toEqual(
      new Map([[person, linked.id]]),
    );
  });
});
