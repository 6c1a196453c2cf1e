import { Building, Grid, Member, Person, Unit } from './city-model';
import { GenerationContext } from './generation-context';

const GRID_WORKER_SHARE = 0.93;
const CENTRAL_HOUSEHOLD_SHARE = 0.25;

/**
 * Writes a community's staff roles: grid workers (93 % of grids, some with two), community workers
 * (about 18 per 10,000 residents), building heads (25 % of inhabited buildings) and central
 * households (25 % of buildings with members).
 */
export function assignStaff(
  ctx: GenerationContext,
  community: Unit,
  residents: number,
  grids: Grid[],
  buildings: Building[],
  people: Person[],
  members: Member[],
): void {
  const prng = ctx.prng;
  const push = (person: Person, role: string, unit: Unit) => {
    ctx.tables.staffRoles.push(ctx.ids.uuid(), person.id, role, unit.id, unit.path);
    ctx.counts.staffRoles += 1;
  };
  if (people.length === 0) return;
  const byGrid = new Map<number, Person[]>();
  for (const person of people) {
    const list = byGrid.get(person.gridIndex) ?? [];
    list.push(person);
    byGrid.set(person.gridIndex, list);
  }
  for (const grid of grids) {
    if (!prng.chance(GRID_WORKER_SHARE)) continue;
    const pool = byGrid.get(grid.index) ?? people;
    for (const person of prng.sample(pool, prng.chance(0.1) ? 2 : 1)) push(person, 'grid_worker', grid);
  }
  const needed = (residents * 18) / 10000;
  const workers = Math.min(people.length, Math.round(needed * (0.8 + 0.7 * prng.next())));
  for (const person of prng.sample(people, workers)) push(person, 'community_worker', community);

  const residentsOf = new Map<number, Person[]>();
  for (const person of people) {
    if (person.buildingIndex < 0) continue;
    const list = residentsOf.get(person.buildingIndex) ?? [];
    list.push(person);
    residentsOf.set(person.buildingIndex, list);
  }
  const memberOf = new Map<number, Person[]>();
  for (const member of members) {
    if (member.person.buildingIndex < 0) continue;
    const list = memberOf.get(member.person.buildingIndex) ?? [];
    list.push(member.person);
    memberOf.set(member.person.buildingIndex, list);
  }
  buildings.forEach((building, b) => {
    const dwellers = residentsOf.get(b);
    if (dwellers && prng.chance(0.25)) push(prng.pick(dwellers), 'building_head', building);
    const memberDwellers = memberOf.get(b);
    if (memberDwellers && prng.chance(CENTRAL_HOUSEHOLD_SHARE))
      push(prng.pick(memberDwellers), 'central_household', building);
  });
}
