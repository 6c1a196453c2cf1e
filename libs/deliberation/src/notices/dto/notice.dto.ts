import { ApiProperty } from '@nestjs/swagger';
import { MilestoneDto } from '../../topics/dto/milestone.dto';
import { TopicDecisionDto } from '../../topics/dto/topic.dto';
import { TOPIC_STEPS, TopicStep } from '../../topics/topic-steps';

export class NoticeEvaluationDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Average score (1–5); null before any rating' })
  average: number | null;

  @ApiProperty()
  count: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  opensAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closesAt: string | null;

  @ApiProperty({ description: 'true once the evaluation closed and its result is published' })
  published: boolean;
}

/** One topic on the public notice board (商议—评价—公开): its decision, execution and evaluation. */
export class NoticeDto {
  @ApiProperty({ format: 'uuid' })
  topicId: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  category: string;

  @ApiProperty({ enum: TOPIC_STEPS })
  step: TopicStep;

  @ApiProperty({ example: '公示' })
  stepName: string;

  @ApiProperty({ format: 'date-time' })
  stepEnteredAt: string;

  @ApiProperty({ type: TopicDecisionDto, nullable: true })
  decision: TopicDecisionDto | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  noticeEndsAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  responsibleParty: string | null;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progressPercent: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  executionEndedAt: string | null;

  @ApiProperty({ type: [MilestoneDto] })
  milestones: MilestoneDto[];

  @ApiProperty({ type: NoticeEvaluationDto })
  evaluation: NoticeEvaluationDto;
}

export class NoticePageDto {
  @ApiProperty({ type: [NoticeDto] })
  items: NoticeDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
