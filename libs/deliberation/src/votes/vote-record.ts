import { VoteElectorate, VotePassRule, VoteQuorum, VoteResult } from './vote-rules';

export type VoteStatus = 'open' | 'closed';

/** A vote (表决) as the votes area reads it. */
export interface VoteRecord {
  id: string;
  unitId: string;
  unitPath: string;
  topicId: string | null;
  conventionId: string | null;
  title: string;
  options: string[];
  electorate: VoteElectorate;
  quorum: VoteQuorum;
  passRule: VotePassRule;
  opensAt: Date;
  closesAt: Date;
  hideResults: boolean;
  status: VoteStatus;
  eligible: number;
  result: VoteResult | null;
  closedAt: Date | null;
  closedByUserId: string | null;
  createdByUserId: string;
  createdAt: Date;
}

/** A ballot as read back (the voter key is a person id, or a household key for household votes). */
export interface BallotRecord {
  id: string;
  voteId: string;
  voterKey: string;
  personId: string;
  option: string;
  channel: 'online' | 'paper';
  evidenceRef: string | null;
  recordedByUserId: string | null;
  castAt: Date;
}

/** Whether ballots are accepted at `now`: open, and opensAt ≤ now < closesAt. */
export function acceptsBallots(vote: VoteRecord, now: Date): boolean {
  return vote.status === 'open' && now >= vote.opensAt && now < vote.closesAt;
}

/** Closed, or past its end time (no ballot can arrive any more: the job is about to record it). */
export function hasEnded(vote: VoteRecord, now: Date): boolean {
  return vote.status === 'closed' || now >= vote.closesAt;
}
