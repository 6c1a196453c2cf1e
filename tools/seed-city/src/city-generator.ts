import { PiiCrypto } from '@linli/platform';
import { buildingName, communityName, complexName, districtName, gridName, institutionName, laneName, personName, streetName } from './names';
import { Prng, splitExactly } from './prng';
import { ScaleSpec } from './scales';
import { SeedTables } from './seed-tables';
import { mobileNumber, protect, residentIdentity } from './synthetic-pii';

type OrgKind = 'committee' | 'general_branch' | 'branch' | 'joint_branch' | 'party_group';

interface Unit {
  id: string;
  path: string;
  depth: number;
}

interface Grid extends Unit {
  index: number;
}

interface Complex extends Unit {
  index: number;
  gridIndex: number;
  memberDensity: number;
  buildings: number[];
}

interface Building extends Unit {
  complexIndex: number;
  gridIndex: number;
}

interface Person {
  id: string;
  /** Where the person lives: a building, a complex, a grid or the community itself. */
  residence: Unit;
  complexIndex: number;
  buildingIndex: number;
  gridIndex: number;
  birthYear: number;
}

interface Member {
  id: string;
  person: Person;
  full: boolean;
  category: string;
  organization: Organization | null;
}

interface Organization {
  id: string;
  kind: OrgKind;
  name: string;
  unit: Unit;
  parentId: string | null;
  covers: Unit[];
  members: Member[];
  /** No officers (party groups). */
  officerless?: boolean;
}

interface Institution {
  id: string;
  kind: string;
  name: string;
  organization: Organization | null;
  unit: Unit;
}

/** Share of complexes of each kind of coverage, by full members living there. */
const CADRE_COMPLEX_SHARE = 0.03;
const OWN_BRANCH_WHEN_ELIGIBLE = 0.88;
const MISSING_BRANCH_WHEN_ELIGIBLE = 0.07;
const JOINT_WHEN_SMALL = 0.65;
const PARTY_GROUP_SHARE = 0.5;
const CENTRAL_HOUSEHOLD_SHARE = 0.25;
const COMMITTEE_WHEN_DUE = 0.85;
const GRID_WORKER_SHARE = 0.93;
const TERM_OVERDUE_SHARE = 0.04;

const INSTITUTION_KINDS: readonly (readonly [string, number])[] = [
  ['agency', 10],
  ['state_enterprise', 10],
  ['private_enterprise', 45],
  ['social_organization', 20],
  ['new_business', 15],
];
const INSTITUTION_COVERED: Record<string, number> = { agency: 0.97, state_enterprise: 0.95, private_enterprise: 0.85, social_organization: 0.92, new_business: 0.6 };
const TERM_YEARS: Record<OrgKind, number> = { committee: 5, general_branch: 3, branch: 5, joint_branch: 5, party_group: 0 };

/** Counts of what was generated, per table. */
export interface GeneratedCounts {
  units: number;
  unitsByKind: Record<string, number>;
  people: number;
  members: number;
  organizations: number;
  organizationsByKind: Record<string, number>;
  coverage: number;
  officers: number;
  institutions: number;
  staffRoles: number;
  dualRegistrations: number;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February → 28 February
  if (shifted.getUTCMonth() !== m - 1) shifted.setUTCDate(0);
  return shifted.toISOString().slice(0, 10);
}

/**
 * Generates a synthetic city, community by community, into `SeedTables` buffers. Everything comes
 * from two seeded streams (structure and ids), consumed in a fixed order: the same seed, scale and
 * reference date give the same rows (ids included); only cipher texts differ (random IVs), and
 * they decrypt to the same values. `run()` yields after each community so that the caller can
 * write the buffers out in batches.
 */
export class CityGenerator {
  readonly counts: GeneratedCounts = {
    units: 0,
    unitsByKind: {},
    people: 0,
    members: 0,
    organizations: 0,
    organizationsByKind: {},
    coverage: 0,
    officers: 0,
    institutions: 0,
    staffRoles: 0,
    dualRegistrations: 0,
  };
  /** The city unit (known once `run()` started). */
  cityId = '';

  private readonly prng: Prng;
  private readonly ids: Prng;
  private nextSeq: number;
  private personIndex = 0;

  constructor(
    private readonly spec: ScaleSpec,
    seed: number,
    seqBase: number,
    /** `YYYY-MM-DD`: officers' terms are placed around it (some ending within 90 days, some overdue). */
    private readonly today: string,
    private readonly crypto: PiiCrypto | null,
    private readonly tables: SeedTables,
  ) {
    this.prng = new Prng(seed, 1);
    this.ids = new Prng(seed, 2);
    this.nextSeq = seqBase;
  }

  *run(): Generator<void> {
    const spec = this.spec;
    const city = this.unit('city', '邻里市', 'LL', null, 0, 0);
    this.cityId = city.id;
    const streetsPerDistrict = splitExactly(spec.streets, new Array(spec.districts).fill(1));
    const communitiesPerStreet = splitExactly(spec.communities, new Array(spec.streets).fill(1));
    const communityWeights = Array.from({ length: spec.communities }, () => 0.6 + 0.8 * this.prng.next());
    const gridsPer = splitExactly(spec.grids, new Array(spec.communities).fill(1));
    const complexesPer = splitExactly(spec.complexes, communityWeights);
    const buildingsPer = splitExactly(spec.buildings, complexesPer);
    const peoplePer = splitExactly(spec.people, buildingsPer);
    const membersPer = splitExactly(spec.members, peoplePer.map((p) => p * (0.7 + 0.6 * this.prng.next())));
    const institutionsPer = splitExactly(spec.institutions, new Array(spec.communities).fill(1));

    let street = 0;
    let community = 0;
    for (let d = 0; d < spec.districts; d++) {
      const districtCode = `LL${String(d + 1).padStart(2, '0')}`;
      const district = this.unit('district', districtName(d), districtCode, city, 0, 0);
      const regionCode = `3301${String((d % 99) + 1).padStart(2, '0')}`;
      for (let s = 0; s < streetsPerDistrict[d]; s++, street++) {
        const streetCode = `${districtCode}${String(s + 1).padStart(2, '0')}`;
        const streetUnit = this.unit('street', streetName(this.prng), streetCode, district, 0, 0);
        for (let c = 0; c < communitiesPerStreet[street]; c++, community++) {
          this.community(streetUnit, `${streetCode}${String(c + 1).padStart(3, '0')}`, regionCode, {
            grids: gridsPer[community],
            complexes: complexesPer[community],
            buildings: buildingsPer[community],
            people: peoplePer[community],
            members: membersPer[community],
            institutions: institutionsPer[community],
          });
          yield;
        }
      }
    }
  }

  private community(
    street: Unit,
    code: string,
    regionCode: string,
    quota: { grids: number; complexes: number; buildings: number; people: number; members: number; institutions: number },
  ): void {
    const prng = this.prng;
    const residents = Math.round(quota.people * (9 + 4 * prng.next()));
    const name = communityName(prng);
    const community = this.unit('community', name, code, street, residents, Math.round(residents / (2.5 + 0.4 * prng.next())), Math.round(residents * 28 + prng.int(0, 9999)));

    // Layout: complexes to grids (or the community itself), buildings to complexes and lanes.
    const complexGrid = Array.from({ length: quota.complexes }, (_, i) =>
      quota.grids > 0 && !prng.chance(this.spec.complexUnderCommunityShare) ? i % quota.grids : -1,
    );
    // A few "cadre complexes" (former work-unit compounds) are large and full of members.
    const cadre = Array.from({ length: quota.complexes }, () => prng.chance(CADRE_COMPLEX_SHARE));
    const peopleWeights = cadre.map((big) => Math.exp(0.6 * prng.normal()) * (big ? 5 : 1));
    const memberDensity = cadre.map((big) => Math.exp(0.7 * prng.normal()) * (big ? 15 : 1));
    const lanes = quota.grids > 0 ? Math.min(Math.round(quota.buildings * this.spec.laneShare), quota.buildings - quota.complexes) : 0;
    const inComplexes = quota.buildings - lanes;
    const extra = splitExactly(inComplexes - quota.complexes, peopleWeights);
    const buildingsOf = extra.map((n) => n + 1);
    const lanesOf = splitExactly(lanes, new Array(quota.grids).fill(1));

    const grids: Grid[] = [];
    const complexes: Complex[] = new Array(quota.complexes);
    const buildings: Building[] = [];
    const emitComplex = (index: number, parent: Unit, gridIndex: number) => {
      const complexCode = `${code}X${String(index + 1).padStart(3, '0')}`;
      const declared = buildingsOf[index] * prng.int(30, 90);
      const unit = this.unit('complex', complexName(prng), complexCode, parent, declared, Math.round(declared / 2.7), buildingsOf[index] * prng.int(2000, 6000));
      const complex: Complex = { ...unit, index, gridIndex, memberDensity: memberDensity[index], buildings: [] };
      complexes[index] = complex;
      for (let b = 0; b < buildingsOf[index]; b++) {
        const people = prng.int(20, 120);
        const building = this.unit('building', buildingName(b), `${complexCode}B${String(b + 1).padStart(3, '0')}`, complex, people, Math.round(people / 2.7), null);
        complex.buildings.push(buildings.length);
        buildings.push({ ...building, complexIndex: index, gridIndex });
      }
    };
    for (let g = 0; g < quota.grids; g++) {
      const grid: Grid = { ...this.unit('grid', gridName(g), `${code}G${String(g + 1).padStart(2, '0')}`, community, 0, 0), index: g };
      grids.push(grid);
      for (let x = 0; x < quota.complexes; x++) if (complexGrid[x] === g) emitComplex(x, grid, g);
      for (let l = 0; l < lanesOf[g]; l++) {
        const people = prng.int(10, 60);
        const lane = this.unit('building', laneName(prng, l), `${code}G${String(g + 1).padStart(2, '0')}L${String(l + 1).padStart(3, '0')}`, grid, people, Math.round(people / 2.6), null);
        buildings.push({ ...lane, complexIndex: -1, gridIndex: g });
      }
    }
    for (let x = 0; x < quota.complexes; x++) if (complexGrid[x] === -1) emitComplex(x, community, -1);

    const people = this.people(community, grids, complexes, buildings, quota.people, regionCode);
    const institutions = this.institutions(community, grids, quota.institutions, name);
    const members = this.chooseMembers(people, complexes, quota.members);
    const organizations = this.organizations(community, name, complexes, buildings, members, institutions);
    this.staff(community, residents, grids, buildings, people, members);
    this.writeOrganizations(organizations);
    this.writeInstitutions(institutions);
    this.writeMembersAndRegistrations(members, community, institutions);
  }

  private unit(kind: string, name: string, code: string, parent: Unit | null, residents: number, households: number, areaM2: number | null = null): Unit {
    const seq = this.nextSeq++;
    const id = this.ids.uuid();
    const path = parent ? `${parent.path}.${seq}` : String(seq);
    const depth = parent ? parent.depth + 1 : 0;
    this.tables.units.push(id, seq, kind, name, code, parent?.id ?? null, path, depth, residents, households, areaM2);
    this.counts.units += 1;
    this.counts.unitsByKind[kind] = (this.counts.unitsByKind[kind] ?? 0) + 1;
    return { id, path, depth };
  }

  private people(community: Unit, grids: Grid[], complexes: Complex[], buildings: Building[], count: number, regionCode: string): Person[] {
    const prng = this.prng;
    // Cumulative weights over buildings (a complex's size is already in its number of buildings; lanes are small).
    const cumulative: number[] = [];
    let total = 0;
    for (const building of buildings) {
      total += building.complexIndex >= 0 ? 1 : 0.5;
      cumulative.push(total);
    }
    const drawBuilding = () => {
      const roll = prng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > roll) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const placements: { order: number; residence: Unit; complexIndex: number; buildingIndex: number; gridIndex: number }[] = [];
    for (let i = 0; i < count; i++) {
      const roll = prng.next();
      if (roll < 0.92 && buildings.length > 0) {
        const b = drawBuilding();
        placements.push({ order: b, residence: buildings[b], complexIndex: buildings[b].complexIndex, buildingIndex: b, gridIndex: buildings[b].gridIndex });
      } else if (roll < 0.97 && complexes.length > 0) {
        const x = prng.int(0, complexes.length - 1);
        placements.push({ order: -1, residence: complexes[x], complexIndex: x, buildingIndex: -1, gridIndex: complexes[x].gridIndex });
      } else if (roll < 0.99 && grids.length > 0) {
        const g = prng.int(0, grids.length - 1);
        placements.push({ order: -2, residence: grids[g], complexIndex: -1, buildingIndex: -1, gridIndex: g });
      } else {
        placements.push({ order: -3, residence: community, complexIndex: -1, buildingIndex: -1, gridIndex: -1 });
      }
    }
    // Rows in tree order keep a subtree's people together on disk.
    placements.sort((a, b) => (a.residence.path < b.residence.path ? -1 : a.residence.path > b.residence.path ? 1 : 0));
    return placements.map((placement) => {
      const identity = residentIdentity(this.personIndex, regionCode);
      const id = this.ids.uuid();
      const phone = prng.chance(0.85) ? mobileNumber(prng) : null;
      const idNumber = prng.chance(0.9) ? identity.idNumber : null;
      const pii = this.crypto
        ? protect(this.crypto, phone, idNumber)
        : { phoneCipher: null, phoneIndex: null, phoneMasked: null, idNumberCipher: null, idNumberIndex: null, idNumberMasked: null };
      this.tables.people.push(
        id,
        personName(prng, identity.gender),
        pii.phoneCipher,
        pii.phoneIndex,
        pii.phoneMasked,
        pii.idNumberCipher,
        pii.idNumberIndex,
        pii.idNumberMasked,
        identity.gender,
        identity.birthDate,
        placement.residence.id,
        placement.residence.path,
        `SEED-P${String(this.personIndex + 1).padStart(8, '0')}`,
      );
      this.personIndex += 1;
      this.counts.people += 1;
      return {
        id,
        residence: placement.residence,
        complexIndex: placement.complexIndex,
        buildingIndex: placement.buildingIndex,
        gridIndex: placement.gridIndex,
        birthYear: Number(identity.birthDate.slice(0, 4)),
      };
    });
  }

  /** Weighted sampling without replacement (exponential race): complexes with a high member density get more members. */
  private chooseMembers(people: Person[], complexes: Complex[], count: number): Member[] {
    const prng = this.prng;
    const keyed = people.map((person, i) => {
      const weight = person.complexIndex >= 0 ? complexes[person.complexIndex].memberDensity : 1;
      return { i, key: -Math.log(1 - prng.next()) / weight };
    });
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    const chosen = keyed.slice(0, count).sort((a, b) => a.i - b.i);
    const currentYear = Number(this.today.slice(0, 4));
    return chosen.map(({ i }) => {
      const person = people[i];
      const age = currentYear - person.birthYear;
      const category =
        age >= 60
          ? prng.weighted([['retired', 70], ['resident', 25], ['floating', 5]] as const)
          : prng.weighted([['resident', 40], ['in_service', 35], ['floating', 10], ['new_employment', 15]] as const);
      return { id: this.ids.uuid(), person, full: !prng.chance(0.06), category, organization: null };
    });
  }

  private institutions(community: Unit, grids: Grid[], count: number, communityLabel: string): Institution[] {
    const prng = this.prng;
    const result: Institution[] = [];
    for (let i = 0; i < count; i++) {
      const kind = prng.weighted(INSTITUTION_KINDS);
      const unit = grids.length > 0 && prng.chance(0.6) ? prng.pick(grids) : community;
      const name = institutionName(prng, kind, communityLabel.replace(/社区$/, ''));
      const institution: Institution = { id: this.ids.uuid(), kind, name, organization: null, unit };
      if (prng.chance(INSTITUTION_COVERED[kind])) {
        institution.organization = { id: this.ids.uuid(), kind: 'branch', name: `${name}党支部`, unit, parentId: null, covers: [unit], members: [] };
      }
      result.push(institution);
    }
    return result;
  }

  private organizations(community: Unit, communityLabel: string, complexes: Complex[], buildings: Building[], members: Member[], institutions: Institution[]): Organization[] {
    const prng = this.prng;
    const communityOrg: Organization = { id: this.ids.uuid(), kind: 'general_branch', name: `${communityLabel}党组织`, unit: community, parentId: null, covers: [community], members: [] };
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
        const kind: OrgKind = size >= 100 && prng.chance(0.5) ? 'committee' : size >= 50 && prng.chance(0.5) ? 'general_branch' : 'branch';
        const suffix = kind === 'committee' ? '党委' : kind === 'general_branch' ? '党总支' : '党支部';
        const org: Organization = { id: this.ids.uuid(), kind, name: `${communityLabel}第${x + 1}小区${suffix}`, unit: complex, parentId: communityOrg.id, covers: [complex], members: [] };
        ownOrg[x] = org;
        organizations.push(org);
      } else if ((eligible && roll >= OWN_BRANCH_WHEN_ELIGIBLE + MISSING_BRANCH_WHEN_ELIGIBLE) || (!eligible && roll < JOINT_WHEN_SMALL)) {
        jointCandidates.push(x);
      }
    });
    // Neighbouring small complexes of the community share a joint branch (normally up to 5, a few more on purpose).
    let jointNumber = 0;
    for (let start = 0; jointCandidates.length - start >= 2; ) {
      const size = Math.min(jointCandidates.length - start, prng.weighted([[2, 30], [3, 30], [4, 20], [5, 12], [6, 5], [7, 3]] as const));
      if (jointCandidates.length - start - size === 1 && size < 7) continue;
      const covered = jointCandidates.slice(start, start + size).map((x) => complexes[x]);
      jointNumber += 1;
      const org: Organization = {
        id: this.ids.uuid(),
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
      if (member.category === 'in_service' && institutionOrgs.length > 0 && prng.chance(0.6)) org = prng.pick(institutionOrgs);
      else if (x >= 0 && ownOrg[x]) org = ownOrg[x] as Organization;
      else if (x >= 0 && jointOrg[x]) org = jointOrg[x] as Organization;
      else org = communityOrg;
      member.organization = org;
      org.members.push(member);
    }
    const communitySize = communityOrg.members.length + organizations.reduce((sum, o) => sum + (o === communityOrg ? 0 : o.members.length), 0);
    communityOrg.kind = communitySize >= 100 && !prng.chance(0.08) ? 'committee' : 'general_branch';
    communityOrg.name = `${communityLabel}${communityOrg.kind === 'committee' ? '党委' : '党总支'}`;

    // Party groups in the buildings of complexes with their own branch.
    const membersInBuilding = new Map<number, number>();
    for (const member of members) if (member.person.buildingIndex >= 0) membersInBuilding.set(member.person.buildingIndex, (membersInBuilding.get(member.person.buildingIndex) ?? 0) + 1);
    for (const complex of complexes) {
      const branch = ownOrg[complex.index];
      if (!branch) continue;
      for (const b of complex.buildings) {
        if (!membersInBuilding.has(b) || !prng.chance(PARTY_GROUP_SHARE)) continue;
        organizations.push({
          id: this.ids.uuid(),
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

  private staff(community: Unit, residents: number, grids: Grid[], buildings: Building[], people: Person[], members: Member[]): void {
    const prng = this.prng;
    const push = (person: Person, role: string, unit: Unit) => {
      this.tables.staffRoles.push(this.ids.uuid(), person.id, role, unit.id, unit.path);
      this.counts.staffRoles += 1;
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
      if (memberDwellers && prng.chance(CENTRAL_HOUSEHOLD_SHARE)) push(prng.pick(memberDwellers), 'central_household', building);
    });
  }

  private writeOrganizations(organizations: Organization[]): void {
    const prng = this.prng;
    for (const org of organizations) {
      const full = org.members.filter((m) => m.full).length;
      this.tables.organizations.push(org.id, org.kind, org.name, null, org.unit.id, org.unit.path, org.parentId, org.members.length, full);
      this.counts.organizations += 1;
      this.counts.organizationsByKind[org.kind] = (this.counts.organizationsByKind[org.kind] ?? 0) + 1;
      for (const unit of org.covers) {
        this.tables.coverage.push(org.id, unit.id, unit.path);
        this.counts.coverage += 1;
      }
      if (org.officerless || org.members.length === 0) continue;
      const years = TERM_YEARS[org.kind];
      const termStart = prng.chance(TERM_OVERDUE_SHARE) ? addDays(addYears(this.today, -years), -prng.int(1, 400)) : addDays(this.today, -prng.int(0, years * 365 - 1));
      const termEnd = addYears(termStart, years);
      const candidates = prng.sample(org.members, 5);
      const officer = (member: Member, role: string) => {
        this.tables.officers.push(this.ids.uuid(), org.id, member.person.id, role, termStart, termEnd);
        this.counts.officers += 1;
      };
      officer(candidates[0], 'secretary');
      if (candidates.length >= 5 && prng.chance(0.3)) officer(candidates[1], 'deputy_secretary');
      const due = full >= 7 || org.kind === 'committee' || org.kind === 'general_branch';
      if (due && candidates.length >= 5 && (org.kind !== 'branch' && org.kind !== 'joint_branch' ? true : prng.chance(COMMITTEE_WHEN_DUE))) {
        for (const member of candidates.slice(2, 2 + prng.int(2, 3))) officer(member, 'committee_member');
      }
    }
  }

  private writeInstitutions(institutions: Institution[]): void {
    for (const institution of institutions) {
      this.tables.institutions.push(institution.id, institution.kind, institution.name, null, institution.unit.id, institution.unit.path, institution.organization?.id ?? null);
      this.counts.institutions += 1;
    }
  }

  private writeMembersAndRegistrations(members: Member[], community: Unit, institutions: Institution[]): void {
    const prng = this.prng;
    const institutionOf = new Map<string, Institution>();
    for (const institution of institutions) if (institution.organization) institutionOf.set(institution.organization.id, institution);
    for (const member of members) {
      const years = member.full ? prng.int(1, 45) : 0;
      const joinedAt = addDays(this.today, -(years * 365 + prng.int(30, 330)));
      const org = member.organization as Organization;
      this.tables.members.push(member.id, member.person.id, org.id, member.category, member.full ? 'full' : 'probationary', joinedAt, member.person.residence.path);
      this.counts.members += 1;
      const workplace = institutionOf.get(org.id);
      if (workplace && prng.chance(0.8)) {
        const start = addDays(this.today, -prng.int(10, 900));
        this.tables.dualRegistrations.push(this.ids.uuid(), 'member', community.id, community.path, member.id, null, workplace.id, start, null, '参加社区志愿服务，认领微心愿');
        this.counts.dualRegistrations += 1;
      }
    }
    for (const institution of institutions) {
      if (!institution.organization || !prng.chance(0.5)) continue;
      const start = addDays(this.today, -prng.int(10, 700));
      this.tables.dualRegistrations.push(
        this.ids.uuid(),
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
      this.counts.dualRegistrations += 1;
    }
  }
}
