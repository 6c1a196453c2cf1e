import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { HourRequestStatus } from '../hour-request.entity';

export class HourRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  status?: HourRequestStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff: requests at this unit or below (404 outside your scope)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
