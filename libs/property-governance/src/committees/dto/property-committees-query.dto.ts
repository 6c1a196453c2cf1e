import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';

export class PropertyCommitteesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Committees of this complex (current and past)' })
  @IsOptional()
  @IsUUID()
  complexId?: string;

  @ApiPropertyOptional({ enum: ['active', 'ended'] })
  @IsOptional()
  @IsIn(['active', 'ended'])
  status?: 'active' | 'ended';
}
