import { CommunityLayout, Building, Complex, CommunityQuota, Grid, Unit } from './city-model';
import { GenerationContext } from './generation-context';
import { buildingName, complexName, gridName, laneName } from './names';
import { splitExactly } from './prng';

/** Share of complexes that are large former work-unit compounds, dense with party members. */
const CADRE_COMPLEX_SHARE = 0.03;

/** Writes one unit under `parent` (its `seq` from the reserved block, its path built in memory). */
export function emitUnit(
  ctx: GenerationContext,
  kind: string,
  name: string,
  code: string,
  parent: Unit | null,
  residents: number,
  households: number,
  areaM2: number | null = null,
): Unit {
  const seq = ctx.takeSeq();
  const id = ctx.ids.uuid();
  const path = parent ? `${parent.path}.${seq}` : String(seq);
  const depth = parent ? parent.depth + 1 : 0;
  ctx.tables.units.push(id, seq, kind, name, code, parent?.id ?? null, path, depth, residents, households, areaM2);
  ctx.counts.units += 1;
  ctx.counts.unitsByKind[kind] = (ctx.counts.unitsByKind[kind] ?? 0) + 1;
  return { id, path, depth };
}

/**
 * The units below a community: its grids, complexes (90 % under a grid, the rest directly under the
 * community) with their buildings, and lanes and courtyards directly under grids.
 */
export function layOutCommunity(
  ctx: GenerationContext,
  community: Unit,
  code: string,
  quota: CommunityQuota,
): CommunityLayout {
  const prng = ctx.prng;
  // Layout: complexes to grids (or the community itself), buildings to complexes and lanes.
  const complexGrid = Array.from({ length: quota.complexes }, (_, i) =>
    quota.grids > 0 && !prng.chance(ctx.spec.complexUnderCommunityShare) ? i % quota.grids : -1,
  );
  // A few "cadre complexes" (former work-unit compounds) are large and full of members.
  const cadre = Array.from({ length: quota.complexes }, () => prng.chance(CADRE_COMPLEX_SHARE));
  const peopleWeights = cadre.map((big) => Math.exp(0.6 * prng.normal()) * (big ? 5 : 1));
  const memberDensity = cadre.map((big) => Math.exp(0.7 * prng.normal()) * (big ? 15 : 1));
  const lanes =
    quota.grids > 0 ? Math.min(Math.round(quota.buildings * ctx.spec.laneShare), quota.buildings - quota.complexes) : 0;
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
    const unit = emitUnit(
      ctx,
      'complex',
      complexName(prng),
      complexCode,
      parent,
      declared,
      Math.round(declared / 2.7),
      buildingsOf[index] * prng.int(2000, 6000),
    );
    const complex: Complex = { ...unit, index, gridIndex, memberDensity: memberDensity[index], buildings: [] };
    complexes[index] = complex;
    for (let b = 0; b < buildingsOf[index]; b++) {
      const people = prng.int(20, 120);
      const building = emitUnit(
        ctx,
        'building',
        buildingName(b),
        `${complexCode}B${String(b + 1).padStart(3, '0')}`,
        complex,
        people,
        Math.round(people / 2.7),
        null,
      );
      complex.buildings.push(buildings.length);
      buildings.push({ ...building, complexIndex: index, gridIndex });
    }
  };
  for (let g = 0; g < quota.grids; g++) {
    const grid: Grid = {
      ...emitUnit(ctx, 'grid', gridName(g), `${code}G${String(g + 1).padStart(2, '0')}`, community, 0, 0),
      index: g,
    };
    grids.push(grid);
    for (let x = 0; x < quota.complexes; x++) if (complexGrid[x] === g) emitComplex(x, grid, g);
    for (let l = 0; l < lanesOf[g]; l++) {
      const people = prng.int(10, 60);
      const lane = emitUnit(
        ctx,
        'building',
        laneName(prng, l),
        `${code}G${String(g + 1).padStart(2, '0')}L${String(l + 1).padStart(3, '0')}`,
        grid,
        people,
        Math.round(people / 2.6),
        null,
      );
      buildings.push({ ...lane, complexIndex: -1, gridIndex: g });
    }
  }
  for (let x = 0; x < quota.complexes; x++) if (complexGrid[x] === -1) emitComplex(x, community, -1);
  return { grids, complexes, buildings };
}
