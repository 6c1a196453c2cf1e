export const PROPOSAL_STATUSES = ['collecting', 'adopted', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A resident proposal as stored (`deliberation_proposals`). */
export interface ProposalRecord {
  id: string;
  unitId: string;
  unitPath: string;
  title: string;
  description: string;
  category: string;
  proposerPersonId: string;
  proposerUserId: string;
  status: ProposalStatus;
  /** Co-signers (besides the proposer) needed, frozen when the proposal was made. */
  threshold: number;
  cosignerCount: number;
  topicId: string | null;
  adoptedAt: Date | null;
  createdAt: Date;
}
