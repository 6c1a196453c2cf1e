import { OrganizationKind } from '../party-organizations/organization-kind';

/** A complex in scope with full members living there and no branch of its own (the query pre-filters on the threshold). */
export interface ComplexCandidate {
  unitId: string;
  unitPath: string;
  unitName: string;
  fullMembers: number;
  /** Joint branches covering it (0 when uncovered). */
  jointBranches: number;
}

/** An organization anchored in scope that may break a size rule (members counted from `party_members`). */
export interface OrganizationCandidate {
  organizationId: string;
  name: string;
  kind: OrganizationKind;
  unitId: string;
  unitPath: string;
  unitName: string;
  members: number;
  fullMembers: number;
  coveredUnits: number;
  /** Active `committee_member` officers. */
  committeeMembers: number;
}

/** An organization whose active officers' terms end soon or have ended (dates as `YYYY-MM-DD`). */
export interface OfficerTermCandidate {
  organizationId: string;
  name: string;
  unitId: string;
  unitPath: string;
  unitName: string;
  ended: number;
  /** Earliest ended term end (most overdue). */
  endedOn: string | null;
  daysOverdue: number | null;
  ending: number;
  /** Earliest coming term end. */
  endingOn: string | null;
  daysLeft: number | null;
}

/** A grid in scope without an active grid worker. */
export interface GridCandidate {
  unitId: string;
  unitPath: string;
  unitName: string;
  communityName: string;
}

/** A community in scope with declared residents, and its active community workers. */
export interface CommunityCandidate {
  unitId: string;
  unitPath: string;
  unitName: string;
  residents: number;
  workers: number;
}

export interface StructureCandidates {
  complexes: ComplexCandidate[];
  organizations: OrganizationCandidate[];
  officerTerms: OfficerTermCandidate[];
  grids: GridCandidate[];
  communities: CommunityCandidate[];
}
