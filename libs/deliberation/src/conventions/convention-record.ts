export const CONVENTION_STATUSES = ['draft', 'commenting', 'voting', 'adopted', 'rejected', 'superseded'] as const;
export type ConventionStatus = (typeof CONVENTION_STATUSES)[number];

/** A version of a community's residents' convention as stored (`deliberation_conventions`). */
export interface ConventionRecord {
  id: string;
  unitId: string;
  unitPath: string;
  version: number;
  title: string;
  body: string;
  status: ConventionStatus;
  commentEndsAt: Date | null;
  voteId: string | null;
  adoptedAt: Date | null;
  /** ISO date of the filing with the district (备案). */
  filedOn: string | null;
  filingReference: string | null;
  supersedesId: string | null;
  createdByUserId: string;
  createdAt: Date;
}

/** What adoption reads of a vote (`deliberation_votes`). */
export interface ConventionVote {
  id: string;
  conventionId: string | null;
  status: string;
  electorate: string;
  passRule: string;
  outcome: string | null;
}
