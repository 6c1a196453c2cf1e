export const SEED_SCALES = ['demo', 'city'] as const;
export type SeedScale = (typeof SEED_SCALES)[number];

/** Exact totals of one scale; the generator hits every one of them. */
export interface ScaleSpec {
  districts: number;
  streets: number;
  communities: number;
  grids: number;
  complexes: number;
  /** Buildings under complexes plus lanes and courtyards directly under grids. */
  buildings: number;
  people: number;
  members: number;
  institutions: number;
  /** Cases (诉求、纠纷、隐患) reported over the year before the seed's day. */
  cases: number;
  /** Share of buildings that are lanes or courtyards of open neighbourhoods (directly under a grid). */
  laneShare: number;
  /** Share of complexes that sit directly under the community instead of a grid. */
  complexUnderCommunityShare: number;
}

export const SCALES: Record<SeedScale, ScaleSpec> = {
  /** One district as in DOMAIN.md §1: 30 communities, 161 grids. */
  demo: {
    districts: 1,
    streets: 5,
    communities: 30,
    grids: 161,
    complexes: 640,
    buildings: 6400,
    people: 30000,
    members: 6000,
    institutions: 150,
    cases: 20000,
    laneShare: 0.04,
    complexUnderCommunityShare: 0.1,
  },
  /** The benchmark city (issue 3). */
  city: {
    districts: 10,
    streets: 100,
    communities: 2000,
    grids: 10000,
    complexes: 40000,
    buildings: 400000,
    people: 2000000,
    members: 150000,
    institutions: 10000,
    cases: 1000000,
    laneShare: 0.04,
    complexUnderCommunityShare: 0.1,
  },
};

export function unitCount(spec: ScaleSpec): number {
  return 1 + spec.districts + spec.streets + spec.communities + spec.grids + spec.complexes + spec.buildings;
}
