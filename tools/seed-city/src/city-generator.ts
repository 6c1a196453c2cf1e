import { PiiCrypto } from '@linli/platform';
import { CommunityQuota, Unit } from './city-model';
import { GeneratedCounts, GenerationContext } from './generation-context';
import { generateInstitutions, writeInstitutions } from './institutions-generator';
import { chooseMembers, writeMembersAndRegistrations } from './members-generator';
import { communityName, districtName, streetName } from './names';
import { planOrganizations, writeOrganizations } from './organizations-generator';
import { generatePeople } from './people-generator';
import { splitExactly } from './prng';
import { ScaleSpec } from './scales';
import { SeedTables } from './seed-tables';
import { assignStaff } from './staff-generator';
import { emitUnit, layOutCommunity } from './unit-tree';

export type { GeneratedCounts } from './generation-context';

/**
 * Generates a synthetic city, community by community, into `SeedTables` buffers. Everything comes
 * from two seeded streams (structure and ids), consumed in a fixed order: the same seed, scale and
 * reference date give the same rows (ids included); only cipher texts differ (random IVs), and
 * they decrypt to the same values. `run()` yields after each community so that the caller can
 * write the buffers out in batches.
 *
 * The steps of a community live in their own files (`unit-tree`, `people-generator`,
 * `institutions-generator`, `members-generator`, `organizations-generator`, `staff-generator`);
 * this class fixes their order, which is part of what a seed means.
 */
export class CityGenerator {
  readonly counts: GeneratedCounts;
  /** The city unit (known once `run()` started). */
  cityId = '';

  private readonly ctx: GenerationContext;

  constructor(
    spec: ScaleSpec,
    seed: number,
    seqBase: number,
    /** `YYYY-MM-DD`: officers' terms are placed around it (some ending within 90 days, some overdue). */
    today: string,
    crypto: PiiCrypto | null,
    tables: SeedTables,
  ) {
    this.ctx = new GenerationContext(spec, seed, seqBase, today, crypto, tables);
    this.counts = this.ctx.counts;
  }

  *run(): Generator<void> {
    const { spec, prng } = this.ctx;
    const city = emitUnit(this.ctx, 'city', '邻里市', 'LL', null, 0, 0);
    this.cityId = city.id;
    const streetsPerDistrict = splitExactly(spec.streets, new Array(spec.districts).fill(1));
    const communitiesPerStreet = splitExactly(spec.communities, new Array(spec.streets).fill(1));
    const communityWeights = Array.from({ length: spec.communities }, () => 0.6 + 0.8 * prng.next());
    const gridsPer = splitExactly(spec.grids, new Array(spec.communities).fill(1));
    const complexesPer = splitExactly(spec.complexes, communityWeights);
    const buildingsPer = splitExactly(spec.buildings, complexesPer);
    const peoplePer = splitExactly(spec.people, buildingsPer);
    const membersPer = splitExactly(
      spec.members,
      peoplePer.map((p) => p * (0.7 + 0.6 * prng.next())),
    );
    const institutionsPer = splitExactly(spec.institutions, new Array(spec.communities).fill(1));

    let street = 0;
    let community = 0;
    for (let d = 0; d < spec.districts; d++) {
      const districtCode = `LL${String(d + 1).padStart(2, '0')}`;
      const district = emitUnit(this.ctx, 'district', districtName(d), districtCode, city, 0, 0);
      const regionCode = `3301${String((d % 99) + 1).padStart(2, '0')}`;
      for (let s = 0; s < streetsPerDistrict[d]; s++, street++) {
        const streetCode = `${districtCode}${String(s + 1).padStart(2, '0')}`;
        const streetUnit = emitUnit(this.ctx, 'street', streetName(prng), streetCode, district, 0, 0);
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

  private community(street: Unit, code: string, regionCode: string, quota: CommunityQuota): void {
    const ctx = this.ctx;
    const prng = ctx.prng;
    const residents = Math.round(quota.people * (9 + 4 * prng.next()));
    const name = communityName(prng);
    const community = emitUnit(
      ctx,
      'community',
      name,
      code,
      street,
      residents,
      Math.round(residents / (2.5 + 0.4 * prng.next())),
      Math.round(residents * 28 + prng.int(0, 9999)),
    );
    const layout = layOutCommunity(ctx, community, code, quota);

    const people = generatePeople(ctx, community, layout, quota.people, regionCode);
    const institutions = generateInstitutions(ctx, community, layout.grids, quota.institutions, name);
    const members = chooseMembers(ctx, people, layout.complexes, quota.members);
    const organizations = planOrganizations(
      ctx,
      community,
      name,
      layout.complexes,
      layout.buildings,
      members,
      institutions,
    );
    assignStaff(ctx, community, residents, layout.grids, layout.buildings, people, members);
    writeOrganizations(ctx, organizations);
    writeInstitutions(ctx, institutions);
    writeMembersAndRegistrations(ctx, members, community, institutions);
  }
}
