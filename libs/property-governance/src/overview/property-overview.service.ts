import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopeService } from '@linli/platform';
import { PropertyAccess } from '../access/property-access';
import {
  PropertyCrossAppointmentDto,
  PropertyLackingComplexDto,
  PropertyOverviewDto,
} from './dto/property-overview.dto';
import { ALL_BODIES, bodiesOf, bodyDisplay, positionView, share } from './positions';
import { ThreeCarriages } from './three-carriages';

/**
 * The three carriages (三驾马车) and cross-appointments (交叉任职): of one complex, and summed over
 * any subtree (一肩挑 rate, party members in the committees and the other bodies, complexes lacking
 * a branch, a committee or a company). A constant number of queries whatever the subtree's size.
 */
@Injectable()
export class PropertyOverviewService {
  constructor(
    private readonly carriages: ThreeCarriages,
    private readonly directory: OrganizationDirectory,
    private readonly access: PropertyAccess,
    private readonly scope: ScopeService,
  ) {}

  async crossAppointment(user: AuthenticatedUser, complexId: string): Promise<PropertyCrossAppointmentDto> {
    const unit = (await this.directory.units.byIds([complexId])).get(complexId);
    if (!unit || unit.kind !== 'complex') throw new NotFoundProblem('该小区');
    await this.access.assertCanSee(user, unit.path, '该小区');
    const { complexes, partyMembers } = await this.carriages.of([complexId]);
    const [complex] = complexes;
    const names = await this.directory.people.names([...complex.positions.keys()]);
    const people = [...complex.positions.entries()].map(([personId, positions]) => ({
      personId,
      name: names.get(personId) ?? '',
      partyMember: partyMembers.has(personId),
      bodies: bodiesOf(positions),
      positions: positions.map(positionView),
    }));
    people.sort(
      (a, b) => b.bodies - a.bodies || a.name.localeCompare(b.name, 'zh') || a.personId.localeCompare(b.personId),
    );
    return {
      complexId,
      branchOrganizationId: complex.branch?.id ?? null,
      branchName: complex.branch?.name ?? null,
      branchCoverage: complex.coverage,
      committeeId: complex.committeeId ?? null,
      hasCompany: complex.hasCompany,
      yijiantiao: this.yijiantiao(complex.branch?.secretaryPersonId, complex.chairPersonId),
      people,
    };
  }

  async overview(user: AuthenticatedUser, unitId: string): Promise<PropertyOverviewDto> {
    const unit = (await this.directory.units.byIds([unitId])).get(unitId);
    if (!unit || !this.scope.canReach(user, Permission.PropertyRead, unit.path)) throw new NotFoundProblem('该单位');
    const units = await this.directory.units.descendants(unit.path, ['complex']);
    const { complexes, partyMembers } = await this.carriages.of(units.map((complex) => complex.id));
    const withBoth = complexes.filter((complex) => complex.branch && complex.committeeId);
    const holders = { total: 0, party: 0, cross: 0 };
    const perBody = new Map(ALL_BODIES.map((body) => [body as string, { holders: 0, party: 0 }]));
    for (const complex of complexes)
      for (const [personId, positions] of complex.positions) {
        const member = partyMembers.has(personId);
        holders.total += 1;
        if (member) holders.party += 1;
        if (bodiesOf(positions) >= 2) holders.cross += 1;
        for (const body of new Set(positions.map((position) => position.body))) {
          const figures = perBody.get(body) as { holders: number; party: number };
          figures.holders += 1;
          if (member) figures.party += 1;
        }
      }
    const committee = perBody.get('owners_committee') as { holders: number; party: number };
    const names = new Map(units.map((complex) => [complex.id, complex.name]));
    const lacking: PropertyLackingComplexDto[] = complexes
      .map((complex) => ({
        complexId: complex.complexId,
        name: names.get(complex.complexId) ?? '',
        lacks: [
          ...(complex.coverage === 'none' ? (['branch'] as const) : []),
          ...(complex.committeeId ? [] : (['committee'] as const)),
          ...(complex.hasCompany ? [] : (['company'] as const)),
        ],
      }))
      .filter((complex) => complex.lacks.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh') || a.complexId.localeCompare(b.complexId));
    return {
      unitId,
      unitName: unit.name,
      complexes: complexes.length,
      withOwnBranch: complexes.filter((complex) => complex.coverage === 'own').length,
      withJointBranch: complexes.filter((complex) => complex.coverage === 'joint').length,
      withCommittee: complexes.filter((complex) => complex.committeeId).length,
      withCompany: complexes.filter((complex) => complex.hasCompany).length,
      yijiantiao: share(
        withBoth.filter((complex) => this.yijiantiao(complex.branch?.secretaryPersonId, complex.chairPersonId)).length,
        withBoth.length,
      ),
      committeePartyMembers: share(committee.party, committee.holders),
      crossAppointed: share(holders.cross, holders.total),
      bodies: ALL_BODIES.map((body) => {
        const figures = perBody.get(body) as { holders: number; party: number };
        return { body, bodyDisplay: bodyDisplay(body), partyMembers: share(figures.party, figures.holders) };
      }),
      lacking,
    };
  }

  private yijiantiao(secretaryPersonId: string | null | undefined, chairPersonId: string | undefined): boolean {
    return Boolean(secretaryPersonId && chairPersonId && secretaryPersonId === chairPersonId);
  }
}
