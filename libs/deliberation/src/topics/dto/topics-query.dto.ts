import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { TOPIC_STEPS, TopicStep } from '../topic-steps';

export class TopicsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Topics at this unit or below it (404 when you may not see it)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: TOPIC_STEPS })
  @IsOptional()
  @IsIn(TOPIC_STEPS)
  step?: TopicStep;

  @ApiPropertyOptional({ example: 'parking' })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  category?: string;

  @ApiPropertyOptional({ enum: ['active', 'withdrawn', 'merged'] })
  @IsOptional()
  @IsIn(['active', 'withdrawn', 'merged'])
  status?: 'active' | 'withdrawn' | 'merged';
}
