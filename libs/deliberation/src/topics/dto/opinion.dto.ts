import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OpinionRecord } from '../topic-opinions.repository';

export class CreateOpinionDto {
  @ApiProperty({ maxLength: 2000, example: '建议低层住户少分摊费用' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  content: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff (deliberation.manage) recording the opinion of this resident of the unit',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

export class OpinionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  topicId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  authorPersonId: string | null;

  @ApiProperty()
  content: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The merged topic it came from' })
  carriedFromTopicId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(opinion: OpinionRecord): OpinionDto {
    return {
      id: opinion.id,
      topicId: opinion.topicId,
      authorPersonId: opinion.authorPersonId,
      content: opinion.content,
      carriedFromTopicId: opinion.carriedFromTopicId,
      createdAt: new Date(opinion.createdAt).toISOString(),
    };
  }
}

export class OpinionPageDto {
  @ApiProperty({ type: [OpinionDto] })
  items: OpinionDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class SupportDto {
  @ApiProperty({ format: 'uuid' })
  topicId: string;

  @ApiProperty()
  supporterCount: number;

  @ApiProperty({ description: 'true: you support the topic (supporting again changes nothing)' })
  supported: boolean;
}
