import { addDays, addYears } from './calendar-dates';
import { Complex, Institution, Member, Organization, Person, Unit } from './city-model';
import { GenerationContext } from './generation-context';

/**
 * Draws a community's party members among its people: weighted sampling without replacement
 * (exponential race), so complexes with a high member density get more members; category by age
 * (retired from 60), 6 % probationary. Their organization is chosen later (`planOrganizations`).
 */
export function chooseMembers(ctx: GenerationContext, people: Person[], complexes: Complex[], count: number): Member[] {
  const prng = ctx.prng;
  const keyed = people.map((person, i) => {
    const weight = person.complexIndex >= 0 ? complexes[person.complexIndex].memberDensity : 1;
    return { i, key: -Math.log(1 - prng.next()) / weight };
  });
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  const chosen = keyed.slice(0, count).sort((a, b) => a.i - b.i);
  const currentYear = Number(ctx.today.slice(0, 4));
  return chosen.map(({ i }) => {
    const person = people[i];
    const age = currentYear - person.birthYear;
    const category =
      age >= 60
        ? prng.weighted([
            ['retired', 70],
            ['resident', 25],
            ['floating', 5],
          ] as const)
        : prng.weighted([
            ['resident', 40],
            ['in_service', 35],
            ['floating', 10],
            ['new_employment', 15],
          ] as const);
    return { id: ctx.ids.uuid(), person, full: !prng.chance(0.06), category, organization: null };
  });
}

/**
 * Writes the members (joined 1–45 years ago, probationary members this year) and the dual
 * registrations with the community: 80 % of the members of an institution's organization, and
 * half of the institutions' organizations themselves (two-year agreements).
 */
export function writeMembersAndRegistrations(
  ctx: GenerationContext,
  members: Member[],
  community: Unit,
  institutions: Institution[],
): void {
  const prng = ctx.prng;
  const institutionOf = new Map<string, Institution>();
  for (const institution of institutions)
    if (institution.organization) institutionOf.set(institution.organization.id, institution);
  for (const member of members) {
    const years = member.full ? prng.int(1, 45) : 0;
    const joinedAt = addDays(ctx.today, -(years * 365 + prng.int(30, 330)));
    const org = member.organization as Organization;
    ctx.tables.members.push(
      member.id,
      member.person.id,
      org.id,
      member.category,
      member.full ? 'full' : 'probationary',
      joinedAt,
      member.person.residence.path,
    );
    ctx.counts.members += 1;
    const workplace = institutionOf.get(org.id);
    if (workplace && prng.chance(0.8)) {
      const start = addDays(ctx.today, -prng.int(10, 900));
      ctx.tables.dualRegistrations.push(
        ctx.ids.uuid(),
        'member',
        community.id,
        community.path,
        member.id,
        null,
        workplace.id,
        start,
        null,
        '参加社区志愿服务，认领微心愿',
      );
      ctx.counts.dualRegistrations += 1;
    }
  }
  for (const institution of institutions) {
    if (!institution.organization || !prng.chance(0.5)) continue;
    const start = addDays(ctx.today, -prng.int(10, 700));
    ctx.tables.dualRegistrations.push(
      ctx.ids.uuid(),
      'organization',
      community.id,
      community.path,
      null,
      institution.organization.id,
      institution.id,
      start,
      addYears(start, 2),
      '共驻共建：每季度开展一次联合主题党日，认领社区服务岗位',
    );
    ctx.counts.dualRegistrations += 1;
  }
}
