import { UnitScope } from '@linli/platform';
import { ClaimantOrganizationKind, DemandKind, DemandStatus, FulfilmentStatus } from './demand-kind';

/** A demand with its live claim (if any); `unit_path` is the demand's own copy of its unit's path. */
export interface DemandRow {
  id: string;
  kind: DemandKind;
  unit_id: string;
  unit_path: string;
  title: string;
  description: string | null;
  requester_person_id: string;
  posted_by_user_id: string;
  required_skills: string[];
  deadline: Date | null;
  claim_hours: number;
  status: DemandStatus;
  rating: number | null;
  created_at: Date;
  updated_at: Date;
  claim_id: string | null;
  claimant_person_id: string | null;
  claimant_organization_id: string | null;
  claimant_organization_kind: ClaimantOrganizationKind | null;
  claimed_by_user_id: string | null;
  claimed_at: Date | null;
  claim_expires_at: Date | null;
  claim_extensions: number | null;
}

export interface FulfilmentRow {
  id: string;
  claim_id: string;
  note: string | null;
  status: FulfilmentStatus;
  rating: number | null;
  reason: string | null;
  fulfilled_at: Date;
  resolved_at: Date | null;
  claimant_person_id: string | null;
  claimant_organization_id: string | null;
}

/** A live claim past its lapse time, as the lapse job releases it. */
export interface LapsingClaim {
  claim_id: string;
  demand_id: string;
  title: string;
  unit_id: string;
  unit_path: string;
  claimant_person_id: string | null;
  claimed_by_user_id: string;
}

/** An expired demand whose community's secretaries are still to be told. */
export interface EscalationRow {
  id: string;
  title: string;
  deadline: Date;
  unit_id: string;
  unit_path: string;
}

/** The open demands of one community: how many, and the titles due first. */
export interface OpenDemandsGroup {
  community_path: string;
  open_count: string;
  titles: string[];
}

/** A ranked volunteer for a demand (names come from organization's directory after ranking). */
export interface MatchRow {
  person_id: string;
  unit_id: string;
  skills: string[];
  matched_names: string[];
  common_kind: string | null;
  available: boolean;
  recent_claims: string;
  rating_sum: number;
  rating_count: number;
  score: string;
  invited: boolean;
}

/** What matching ranks by: where the candidates live, what the demand needs, and its closeness units. */
export interface RankInput {
  demandId: string;
  requesterPersonId: string;
  /** The demand's units from the root down (path, kind, depth): the deepest one a candidate shares sets the closeness. */
  ancestors: { path: string; kind: string; depth: number }[];
  /** Candidates live at or below this unit (the demand's street). */
  withinPath: string;
  requiredSkills: string[];
  slot: string;
  recentSince: Date;
  limit: number;
}

export interface NewDemand {
  kind: DemandKind;
  unitId: string;
  unitPath: string;
  title: string;
  description: string | null;
  requesterPersonId: string;
  postedByUserId: string;
  requiredSkills: string[];
  deadline: string | null;
  claimHours: number;
}

export interface NewClaim {
  personId: string | null;
  organizationId: string | null;
  organizationKind: ClaimantOrganizationKind | null;
  claimedByUserId: string;
  claimedAt: Date;
  expiresAt: Date;
}

/** Which demands a list shows (see `DemandsQuery.list` for who sees what). */
export interface DemandListFilter {
  personId: string | null;
  userId: string;
  /** Only those the caller posted or claimed. */
  mine: boolean;
  /** Otherwise also: those in the caller's staff scope, those they were invited to, those below their community. */
  scope: UnitScope;
  communityPath: string | null;
  /** Only those at or below this unit. */
  unitPath?: string;
  status?: DemandStatus;
  kind?: DemandKind;
  skill?: string;
  /** After this (created_at, id), newest first. */
  after?: [string, string];
  limit: number;
}
