import { addDays, addYears } from './calendar-dates';
import { Building, Complex, Institution, Member, Organization, OrgKind, Unit } from './city-model';
import { GenerationContext } from './generation-context';

/** Share of complexes of each kind of coverage, by full members living there. */
const OWN_BRANCH_WHEN_ELIGIBLE = 0.88;
const MISSING_BRANCH_WHEN_ELIGIBLE = 0.07;
const JOINT_WHEN_SMALL = 0.65;
const PARTY_GROUP_SHARE = 0.5;
const COMMITTEE_WHEN_DUE = 0.85;
const TERM_OVERDUE_SHARE = 0.04;
const TERM_YEARS: Record<OrgKind, number> = {
  committee: 5,
  general_branch: 3,
  branch: 5,
  joint_branch: 5,
  party_group: 0,
};

/**
 * A community's organizations, members placed in them: the community's committee or general branch;
 * a branch (or general branch, committee) for most complexes with 3+ full members; joint branches of
 * neighbouring small complexes; party groups in buildings of branch-covered complexes; and the
 * institutions' own branches (last). Written later (`writeOrganizations`).
 */
export function planOrganizations(
  ctx: GenerationContext,
  community: Unit,
  communityLabel: string,
  complexes: Complex[],
  buildings: Building[],
  members: Member[],
  institutions: Institution[],
): Organization[] {
  const prng = ctx.prng;
  const communityOrg: Organization = {
    id: ctx.ids.uuid(),
    kind: 'general_branch',
    name: `${communityLabel}党组织`,
    unit: community,
    parentId: null,
    covers: [community],
    members: [],
  };
  const organizations: Organization[] = [communityOrg];

  const fullByComplex = new Array(complexes.length).fill(0);
  const membersByComplex = new Array(complexes.length).fill(0);
  for (const member of members) {
    if (member.person.complexIndex < 0) continue;
    membersByComplex[member.person.complexIndex] += 1;
    if (member.full) fullByComplex[member.person.complexIndex] += 1;
  }

  // Complexes: their own branch, a joint branch with neighbours, or nothing (blank spots on purpose).
  const ownOrg: (Organization | null)[] = new Array(complexes.length).fill(null);
  const jointOrg: (Organization | null)[] = new Array(complexes.length).fill(null);
  const jointCandidates: number[] = [];
  complexes.forEach((complex, x) => {
    const eligible = fullByComplex[x] >= 3;
    const roll = prng.next();
    if (eligible && roll < OWN_BRANCH_WHEN_ELIGIBLE) {
      const size = membersByComplex[x];
      const kind: OrgKind =
        size >= 100 && prng.chance(0.5) ? 'committee' : size >= 50 && prng.chance(0.5) ? 'general_branch' : 'branch';
      const suffix = kind === 'committee' ? '党委' : kind === 'general_branch' ? '党总支' : '党支部';
      const org: Organization = {
        id: ctx.ids.uuid(),
        kind,
        name: `${communityLabel}第${x + 1}小区${suffix}`,
        unit: complex,
        parentId: communityOrg.id,
        covers: [complex],
        members: [],
      };
      ownOrg[x] = org;
      organizations.push(org);
    } else if (
      (eligible && roll >= OWN_BRANCH_WHEN_ELIGIBLE + MISSING_BRANCH_WHEN_ELIGIBLE) ||
      (!eligible && roll < JOINT_WHEN_SMALL)
    ) {
      jointCandidates.push(x);
    }
  });
  // Neighbouring small complexes of the community share a joint branch (normally up to 5, a few more on purpose).
  let jointNumber = 0;
  for (let start = 0; jointCandidates.length - start >= 2;) {
    const size = Math.min(
      jointCandidates.length - start,
      prng.weighted([
        [2, 30],
        [3, 30],
        [4, 20],
        [5, 12],
        [6, 5],
        [7, 3],
      ] as const),
    );
    if (jointCandidates.length - start - size === 1 && size < 7) continue;
    const covered = jointCandidates.slice(start, start + size).map((x) => complexes[x]);
    jointNumber += 1;
    const org: Organization = {
      id: ctx.ids.uuid(),
      kind: 'joint_branch',
      name: `${communityLabel}第${jointNumber}联合党支部`,
      unit: covered[0],
      parentId: communityOrg.id,
      covers: covered,
      members: [],
    };
    for (const complex of covered) jointOrg[complex.index] = org;
    organizations.push(org);
    start += size;
  }

  // Members join their workplace's organization, their complex's, or the community's.
  const institutionOrgs = institutions.map((i) => i.organization).filter((o): o is Organization => o !== null);
  for (const member of members) {
    const x = member.person.complexIndex;
    let org: Organization;
    if (member.category === 'in_service' && institutionOrgs.length > 0 && prng.chance(0.6))
      org = prng.pick(institutionOrgs);
    else if (x >= 0 && ownOrg[x]) org = ownOrg[x] as Organization;
    else if (x >= 0 && jointOrg[x]) org = jointOrg[x] as Organization;
    else org = communityOrg;
    member.organization = org;
    org.members.push(member);
  }
  const communitySize =
    communityOrg.members.length +
    organizations.reduce((sum, o) => sum + (o === communityOrg ? 0 : o.members.length), 0);
  communityOrg.kind = communitySize >= 100 && !prng.chance(0.08) ? 'committee' : 'general_branch';
  communityOrg.name = `${communityLabel}${communityOrg.kind === 'committee' ? '党委' : '党总支'}`;

  // Party groups in the buildings of complexes with their own branch.
  const membersInBuilding = new Map<number, number>();
  for (const member of members)
    if (member.person.buildingIndex >= 0)
      membersInBuilding.set(member.person.buildingIndex, (membersInBuilding.get(member.person.buildingIndex) ?? 0) + 1);
  for (const complex of complexes) {
    const branch = ownOrg[complex.index];
    if (!branch) continue;
    for (const b of complex.buildings) {
      if (!membersInBuilding.has(b) || !prng.chance(PARTY_GROUP_SHARE)) continue;
      organizations.push({
        id: ctx.ids.uuid(),
        kind: 'party_group',
        name: `${branch.name.replace(/(党支部|党总支|党委)$/, '')}${b - complex.buildings[0] + 1}号楼党小组`,
        unit: buildings[b],
        parentId: branch.id,
        covers: [buildings[b]],
        members: [],
        officerless: true,
      });
    }
  }
  return [...organizations, ...institutionOrgs];
}

/**
 * Writes the organizations with their coverage and officers: a secretary for each organization
 * with members (party groups aside), sometimes a deputy, committee members where a committee is
 * due; terms placed around `today` (some ending soon, some overdue).
 */
export function writeOrganizations(ctx: GenerationContext, organizations: Organization[]): void {
  const prng = ctx.prng;
  for (const org of organizations) {
    const full = org.members.filter((m) => m.full).length;
    ctx.tables.organizations.push(
      org.id,
      org.kind,
      org.name,
      null,
      org.unit.id,
      org.unit.path,
      org.parentId,
      org.members.length,
      full,
    );
    ctx.counts.organizations += 1;
    ctx.counts.organizationsByKind[org.kind] = (ctx.counts.organizationsByKind[org.kind] ?? 0) + 1;
    for (const unit of org.covers) {
      ctx.tables.coverage.push(org.id, unit.id, unit.path);
      ctx.counts.coverage += 1;
    }
    if (org.officerless || org.members.length === 0) continue;
    const years = TERM_YEARS[org.kind];
    const termStart = prng.chance(TERM_OVERDUE_SHARE)
      ? addDays(addYears(ctx.today, -years), -prng.int(1, 400))
      : addDays(ctx.today, -prng.int(0, years * 365 - 1));
    const termEnd = addYears(termStart, years);
    const candidates = prng.sample(org.members, 5);
    const officer = (member: Member, role: string) => {
      ctx.tables.officers.push(ctx.ids.uuid(), org.id, member.person.id, role, termStart, termEnd);
      ctx.counts.officers += 1;
    };
    officer(candidates[0], 'secretary');
    if (candidates.length >= 5 && prng.chance(0.3)) officer(candidates[1], 'deputy_secretary');
    const due = full >= 7 || org.kind === 'committee' || org.kind === 'general_branch';
    if (
      due &&
      candidates.length >= 5 &&
      (org.kind !== 'branch' && org.kind !== 'joint_branch' ? true : prng.chance(COMMITTEE_WHEN_DUE))
    ) {
      for (const member of candidates.slice(2, 2 + prng.int(2, 3))) officer(member, 'committee_member');
    }
  }
}
