import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ObjectionRecord, ObjectionStatus } from '../topic-reviews.repository';
import { TOPIC_STEPS, TopicStep } from '../topic-steps';

export class CreateObjectionDto {
  @ApiProperty({ maxLength: 2000, example: '分摊方案未征求底层住户意见' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  content: string;
}

export class DecideObjectionDto {
  @ApiProperty({ description: 'true: the objection stands and the topic returns to joint review (a new round)' })
  @IsBoolean()
  upheld: boolean;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note: string;
}

export class ObjectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  topicId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  authorPersonId: string | null;

  @ApiProperty()
  content: string;

  @ApiProperty({ enum: ['pending', 'upheld', 'dismissed'] })
  status: ObjectionStatus;

  @ApiProperty({ nullable: true, type: String })
  decisionNote: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(objection: ObjectionRecord): ObjectionDto {
    return {
      id: objection.id,
      topicId: objection.topicId,
      authorPersonId: objection.authorPersonId,
      content: objection.content,
      status: objection.status,
      decisionNote: objection.decisionNote,
      decidedAt: objection.decidedAt ? new Date(objection.decidedAt).toISOString() : null,
      createdAt: new Date(objection.createdAt).toISOString(),
    };
  }
}

export class ObjectionDecisionDto extends ObjectionDto {
  @ApiProperty({ enum: TOPIC_STEPS, description: "The topic's step after the decision (review when upheld)" })
  topicStep: TopicStep;

  @ApiProperty({ description: "The topic's review round after the decision" })
  reviewRound: number;
}
