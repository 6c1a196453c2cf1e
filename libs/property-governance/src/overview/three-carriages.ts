import { Injectable } from '@nestjs/common';
import { DirectoryOrganization, OrganizationDirectory } from '@linli/organization';
import { BusinessCalendar, Clock } from '@linli/platform';
import { branchCoverage, complexBranch } from '../seats/complex-branch';
import { SeatBody } from '../seats/seat-bodies';
import { CommitteePosition, SeatsRepository } from '../seats/seats.repository';

/** A position one person holds at a complex, in a recorded or a read body. */
export interface HeldPosition {
  body: SeatBody | 'party_branch' | 'owners_committee';
  role: string;
}

/** One complex's three carriages (三驾马车: branch, committee, company) and everyone's positions there. */
export interface ComplexCarriages {
  complexId: string;
  branch: DirectoryOrganization | undefined;
  coverage: 'own' | 'joint' | 'none';
  committeeId: string | undefined;
  chairPersonId: string | undefined;
  hasCompany: boolean;
  /** person id → positions held now. */
  positions: Map<string, HeldPosition[]>;
}

/** What `ThreeCarriages.of` answers for a set of complexes. */
export interface Carriages {
  complexes: ComplexCarriages[];
  /** The people holding any position, who are party members today. */
  partyMembers: Set<string>;
}

/**
 * Reads the three carriages of many complexes at once, in a constant number of queries: the branch
 * from organization's directory (`organizations.covering`), the committee and seats from this
 * module's tables, the contracts in force today, and the party members among every holder
 * (`people.memberships`).
 */
@Injectable()
export class ThreeCarriages {
  constructor(
    private readonly seats: SeatsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  async of(complexIds: string[]): Promise<Carriages> {
    const today = this.calendar.localDate(this.clock.now());
    const [covering, committee, seats, contracted] = await Promise.all([
      this.directory.organizations.covering(complexIds),
      this.seats.committeePositions(complexIds),
      this.seats.currentAt(complexIds),
      this.seats.withContract(complexIds, today),
    ]);
    const byComplex = new Map<string, ComplexCarriages>(
      complexIds.map((complexId) => {
        const branch = complexBranch(covering.get(complexId));
        return [
          complexId,
          {
            complexId,
            branch,
            coverage: branchCoverage(branch),
            committeeId: undefined,
            chairPersonId: undefined,
            hasCompany: contracted.has(complexId),
            positions: new Map(),
          },
        ];
      }),
    );
    const hold = (complexId: string, personId: string, position: HeldPosition) => {
      const positions = byComplex.get(complexId)?.positions;
      if (positions) positions.set(personId, [...(positions.get(personId) ?? []), position]);
    };
    for (const carriages of byComplex.values())
      if (carriages.branch?.secretaryPersonId)
        hold(carriages.complexId, carriages.branch.secretaryPersonId, { body: 'party_branch', role: 'secretary' });
    for (const position of committee) this.committeePosition(byComplex, position, hold);
    for (const seat of seats) hold(seat.complex_id, seat.person_id, { body: seat.body, role: seat.role });
    const holders = [...new Set([...byComplex.values()].flatMap((carriages) => [...carriages.positions.keys()]))];
    const memberships = await this.directory.people.memberships(holders, today);
    return { complexes: [...byComplex.values()], partyMembers: new Set(memberships.keys()) };
  }

  private committeePosition(
    byComplex: Map<string, ComplexCarriages>,
    position: CommitteePosition,
    hold: (complexId: string, personId: string, position: HeldPosition) => void,
  ): void {
    const carriages = byComplex.get(position.complex_id);
    if (!carriages) return;
    carriages.committeeId = position.committee_id;
    if (position.office === 'chair') carriages.chairPersonId = position.person_id;
    hold(position.complex_id, position.person_id, { body: 'owners_committee', role: position.office });
  }
}
