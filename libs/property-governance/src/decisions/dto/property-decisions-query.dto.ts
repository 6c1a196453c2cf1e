import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';

export class PropertyDecisionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Decisions of this complex' })
  @IsOptional()
  @IsUUID()
  complexId?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}
