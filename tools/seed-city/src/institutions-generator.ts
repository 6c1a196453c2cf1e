import { Grid, Institution, Unit } from './city-model';
import { GenerationContext } from './generation-context';
import { institutionName } from './names';

const INSTITUTION_KINDS: readonly (readonly [string, number])[] = [
  ['agency', 10],
  ['state_enterprise', 10],
  ['private_enterprise', 45],
  ['social_organization', 20],
  ['new_business', 15],
];
/** Share of institutions of each kind with a party organization of their own, as the sources report. */
const INSTITUTION_COVERED: Record<string, number> = {
  agency: 0.97,
  state_enterprise: 0.95,
  private_enterprise: 0.85,
  social_organization: 0.92,
  new_business: 0.6,
};

/** A community's institutions (60 % located at one of its grids), with their own branch where covered; written later (`writeInstitutions`). */
export function generateInstitutions(
  ctx: GenerationContext,
  community: Unit,
  grids: Grid[],
  count: number,
  communityLabel: string,
): Institution[] {
  const prng = ctx.prng;
  const result: Institution[] = [];
  for (let i = 0; i < count; i++) {
    const kind = prng.weighted(INSTITUTION_KINDS);
    const unit = grids.length > 0 && prng.chance(0.6) ? prng.pick(grids) : community;
    const name = institutionName(prng, kind, communityLabel.replace(/社区$/, ''));
    const institution: Institution = { id: ctx.ids.uuid(), kind, name, organization: null, unit };
    if (prng.chance(INSTITUTION_COVERED[kind])) {
      institution.organization = {
        id: ctx.ids.uuid(),
        kind: 'branch',
        name: `${name}党支部`,
        unit,
        parentId: null,
        covers: [unit],
        members: [],
      };
    }
    result.push(institution);
  }
  return result;
}

export function writeInstitutions(ctx: GenerationContext, institutions: Institution[]): void {
  for (const institution of institutions) {
    ctx.tables.institutions.push(
      institution.id,
      institution.kind,
      institution.name,
      null,
      institution.unit.id,
      institution.unit.path,
      institution.organization?.id ?? null,
    );
    ctx.counts.institutions += 1;
  }
}
