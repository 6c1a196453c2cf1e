import { PiiCrypto } from '@linli/platform';
import { Prng } from './prng';
import { ScaleSpec } from './scales';
import { SeedTables } from './seed-tables';

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

/**
 * What every step of the generator shares: the two seeded streams (`prng` for structure, `ids` for
 * uuids), the row buffers, the counts, and the running unit `seq` and person index. The steps must
 * draw from the streams in a fixed order: that order is what makes a seed reproduce its city.
 */
export class GenerationContext {
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
  readonly prng: Prng;
  readonly ids: Prng;
  /** Index of the next person over the whole city (external ids and synthetic ID numbers). */
  personIndex = 0;
  private nextSeq: number;

  constructor(
    readonly spec: ScaleSpec,
    seed: number,
    seqBase: number,
    /** `YYYY-MM-DD`: officers' terms are placed around it (some ending within 90 days, some overdue). */
    readonly today: string,
    readonly crypto: PiiCrypto | null,
    readonly tables: SeedTables,
  ) {
    this.prng = new Prng(seed, 1);
    this.ids = new Prng(seed, 2);
    this.nextSeq = seqBase;
  }

  /** The next label of the block of `units.seq` values reserved for this run. */
  takeSeq(): number {
    return this.nextSeq++;
  }
}
