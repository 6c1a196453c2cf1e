import { DecisionMatter } from './decision-rules';
import type { PropertyDecisionTallyDto } from './dto/property-decision-tally.dto';

export type DecisionStatus = 'open' | 'closed';
export type BallotChannel = 'online' | 'paper' | 'proxy';
export const BALLOT_CHANNELS: readonly BallotChannel[] = ['online', 'paper', 'proxy'];

/** An owners' joint decision as stored (areas in hundredths of m²). */
export interface DecisionRecord {
  id: string;
  complexId: string;
  unitPath: string;
  title: string;
  description: string | null;
  matter: DecisionMatter;
  opensAt: Date;
  closesAt: Date;
  status: DecisionStatus;
  electorateAreaCenti: number;
  electorateHeads: number;
  /** The tally fixed at closing (outcome passed, rejected or not_valid). */
  result: PropertyDecisionTallyDto | null;
  closedAt: Date | null;
  createdByUserId: string;
  createdAt: Date;
}

/** One head of a decision's frozen roll. */
export interface RollHead {
  headKey: string;
  areaCenti: number;
  developer: boolean;
}

/** Ballots are accepted from opensAt until (excluding) closesAt, while the decision is open. */
export function acceptsBallots(decision: DecisionRecord, now: Date): boolean {
  return decision.status === 'open' && now >= decision.opensAt && now < decision.closesAt;
}
