import { CommunityLayout, Person, Unit } from './city-model';
import { GenerationContext } from './generation-context';
import { personName } from './names';
import { mobileNumber, protect, residentIdentity } from './synthetic-pii';

/**
 * Writes a community's people: residence drawn over its buildings (92 %), complexes (5 %), grids
 * (2 %) or the community itself, rows in tree order; name, gender and birth date consistent with a
 * unique resident ID number; phone (85 %) and ID number (90 %) protected when a key is given.
 */
export function generatePeople(
  ctx: GenerationContext,
  community: Unit,
  layout: CommunityLayout,
  count: number,
  regionCode: string,
): Person[] {
  const { grids, complexes, buildings } = layout;
  const prng = ctx.prng;
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
  const placements: {
    order: number;
    residence: Unit;
    complexIndex: number;
    buildingIndex: number;
    gridIndex: number;
  }[] = [];
  for (let i = 0; i < count; i++) {
    const roll = prng.next();
    if (roll < 0.92 && buildings.length > 0) {
      const b = drawBuilding();
      placements.push({
        order: b,
        residence: buildings[b],
        complexIndex: buildings[b].complexIndex,
        buildingIndex: b,
        gridIndex: buildings[b].gridIndex,
      });
    } else if (roll < 0.97 && complexes.length > 0) {
      const x = prng.int(0, complexes.length - 1);
      placements.push({
        order: -1,
        residence: complexes[x],
        complexIndex: x,
        buildingIndex: -1,
        gridIndex: complexes[x].gridIndex,
      });
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
    const identity = residentIdentity(ctx.personIndex, regionCode);
    const id = ctx.ids.uuid();
    const phone = prng.chance(0.85) ? mobileNumber(prng) : null;
    const idNumber = prng.chance(0.9) ? identity.idNumber : null;
    const pii = ctx.crypto
      ? protect(ctx.crypto, phone, idNumber)
      : {
          phoneCipher: null,
          phoneIndex: null,
          phoneMasked: null,
          idNumberCipher: null,
          idNumberIndex: null,
          idNumberMasked: null,
        };
    ctx.tables.people.push(
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
      `SEED-P${String(ctx.personIndex + 1).padStart(8, '0')}`,
    );
    ctx.personIndex += 1;
    ctx.counts.people += 1;
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
