import { TopicSource, TopicStep } from './topic-steps';

export type TopicStatus = 'active' | 'withdrawn' | 'merged';

/** How a topic's resolution was reached (决议), recorded with its basis. */
export interface TopicDecision {
  basis: 'vote' | 'meeting';
  voteId?: string;
  meetingId?: string;
  summary: string;
  decidedAt: string;
  decidedByUserId: string;
}

/** A topic (议题) as the topics area reads it. */
export interface TopicRecord {
  id: string;
  unitId: string;
  unitPath: string;
  title: string;
  description: string | null;
  category: string;
  source: TopicSource;
  step: TopicStep;
  status: TopicStatus;
  mergedIntoId: string | null;
  proposalId: string | null;
  stepEnteredAt: Date;
  reviewRound: number;
  requiredParties: string[];
  decision: TopicDecision | null;
  noticeEndsAt: Date | null;
  responsibleParty: string | null;
  progressPercent: number;
  executionEndedAt: Date | null;
  evaluationOpensAt: Date | null;
  evaluationClosesAt: Date | null;
  opinionCount: number;
  supporterCount: number;
  ratingCount: number;
  ratingSum: number;
  createdByUserId: string;
  createdByPersonId: string | null;
  createdAt: Date;
  updatedAt: Date;
}
