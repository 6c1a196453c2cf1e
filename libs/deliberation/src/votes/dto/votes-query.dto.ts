import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';

export class VotesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Votes at this unit or below it' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Votes on this topic' })
  @IsOptional()
  @IsUUID()
  topicId?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'], description: 'open: before its end time and not closed' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}
