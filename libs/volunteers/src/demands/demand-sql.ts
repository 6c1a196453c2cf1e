import { ClaimantOrganizationKind, ClaimStatus, DemandKind, DemandStatus, FulfilmentStatus } from './demand-kind';

/** A demand with its unit and its live claim (if any). */
export interface DemandRow {
  id: string;
  kind: DemandKind;
  unit_id: string;
  unit_name: string;
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

/** `… WHERE d.id = $1`; add `FOR UPDATE OF d` to lock the demand (commands lock it before reading the claim). */
export const DEMAND_SELECT = `
  SELECT d.id, d.kind, d.unit_id, u.name AS unit_name, u.path AS unit_path, d.title, d.description, d.requester_person_id,
         d.posted_by_user_id, d.required_skills, d.deadline, d.claim_hours, d.status, d.rating, d.created_at, d.updated_at,
         c.id AS claim_id, c.claimant_person_id, c.claimant_organization_id, c.claimant_organization_kind, c.claimed_by_user_id,
         c.claimed_at, c.expires_at AS claim_expires_at, c.extensions AS claim_extensions
    FROM volunteer_demands d
    JOIN units u ON u.id = d.unit_id
    LEFT JOIN volunteer_demand_claims c ON c.demand_id = d.id AND c.status = 'live'`;

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

export interface ClaimHistoryRow {
  id: string;
  status: ClaimStatus;
  claimant_person_id: string | null;
  claimant_organization_id: string | null;
  claimed_at: Date;
  ended_at: Date | null;
}
