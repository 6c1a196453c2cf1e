import { ApiProperty } from '@nestjs/swagger';
import { StepChangeRecord } from '../topics.repository';
import { TOPIC_STEPS, TopicStep } from '../topic-steps';

/** One step change: from, to, who (a user or a job), when, why. */
export class StepChangeDto {
  @ApiProperty({ enum: TOPIC_STEPS, nullable: true, description: 'null: the topic was created' })
  from: TopicStep | null;

  @ApiProperty({ enum: TOPIC_STEPS })
  to: TopicStep;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  changedByUserId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'deliberation.close-notices' })
  changedByJob: string | null;

  @ApiProperty({ format: 'date-time' })
  changedAt: string;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  static from(change: StepChangeRecord): StepChangeDto {
    return {
      from: change.fromStep,
      to: change.toStep,
      changedByUserId: change.changedByUserId,
      changedByJob: change.changedByJob,
      changedAt: new Date(change.changedAt).toISOString(),
      reason: change.reason,
    };
  }
}

export class StepHistoryDto {
  @ApiProperty({ type: [StepChangeDto] })
  items: StepChangeDto[];
}
