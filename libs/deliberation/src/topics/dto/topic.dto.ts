import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TopicRecord, TopicStatus } from '../topic-record';
import {
  STEP_DEFINITIONS,
  TOPIC_SOURCE_DISPLAY,
  TOPIC_SOURCES,
  TOPIC_STEPS,
  TopicSource,
  TopicStep,
} from '../topic-steps';

export class TopicDecisionDto {
  @ApiProperty({ enum: ['vote', 'meeting'] })
  basis: 'vote' | 'meeting';

  @ApiPropertyOptional({ format: 'uuid' })
  voteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  meetingId?: string;

  @ApiProperty({ example: '同意加装电梯，费用按楼层分摊' })
  summary: string;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;
}

const iso = (at: Date | null): string | null => (at ? new Date(at).toISOString() : null);

/** A topic (议题) and where it stands in the six steps. */
export class TopicDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: '3号楼加装电梯' })
  title: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ example: 'lift_installation' })
  category: string;

  @ApiProperty({ enum: TOPIC_SOURCES })
  source: TopicSource;

  @ApiProperty({ example: '网格员收集' })
  sourceName: string;

  @ApiProperty({ enum: TOPIC_STEPS })
  step: TopicStep;

  @ApiProperty({ example: '意见收集' })
  stepName: string;

  @ApiProperty({ enum: ['active', 'withdrawn', 'merged'] })
  status: TopicStatus;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The topic it was merged into' })
  mergedIntoId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The resident proposal it came from' })
  proposalId: string | null;

  @ApiProperty({ format: 'date-time' })
  stepEnteredAt: string;

  @ApiProperty({ description: 'Joint-review round (a new one after an upheld objection)' })
  reviewRound: number;

  @ApiProperty({ type: [String], example: ['party_organization', 'residents_committee'] })
  requiredParties: string[];

  @ApiProperty({ type: TopicDecisionDto, nullable: true })
  decision: TopicDecisionDto | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Public notice ends (not earlier)' })
  noticeEndsAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  responsibleParty: string | null;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progressPercent: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  executionEndedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  evaluationOpensAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  evaluationClosesAt: string | null;

  @ApiProperty()
  opinionCount: number;

  @ApiProperty()
  supporterCount: number;

  @ApiProperty()
  ratingCount: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Average score (1–5), two decimals; null before any rating',
  })
  ratingAverage: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(topic: TopicRecord): TopicDto {
    const decision = topic.decision;
    return {
      id: topic.id,
      unitId: topic.unitId,
      title: topic.title,
      description: topic.description,
      category: topic.category,
      source: topic.source,
      sourceName: TOPIC_SOURCE_DISPLAY[topic.source],
      step: topic.step,
      stepName: STEP_DEFINITIONS[topic.step].display,
      status: topic.status,
      mergedIntoId: topic.mergedIntoId,
      proposalId: topic.proposalId,
      stepEnteredAt: new Date(topic.stepEnteredAt).toISOString(),
      reviewRound: topic.reviewRound,
      requiredParties: topic.requiredParties,
      decision: decision
        ? {
            basis: decision.basis,
            ...(decision.voteId ? { voteId: decision.voteId } : {}),
            ...(decision.meetingId ? { meetingId: decision.meetingId } : {}),
            summary: decision.summary,
            decidedAt: decision.decidedAt,
          }
        : null,
      noticeEndsAt: iso(topic.noticeEndsAt),
      responsibleParty: topic.responsibleParty,
      progressPercent: topic.progressPercent,
      executionEndedAt: iso(topic.executionEndedAt),
      evaluationOpensAt: iso(topic.evaluationOpensAt),
      evaluationClosesAt: iso(topic.evaluationClosesAt),
      opinionCount: topic.opinionCount,
      supporterCount: topic.supporterCount,
      ratingCount: topic.ratingCount,
      ratingAverage: topic.ratingCount > 0 ? Math.round((topic.ratingSum / topic.ratingCount) * 100) / 100 : null,
      createdAt: new Date(topic.createdAt).toISOString(),
    };
  }
}

export class TopicPageDto {
  @ApiProperty({ type: [TopicDto] })
  items: TopicDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
