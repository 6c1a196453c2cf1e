import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** Empty: the caller claims for themselves. `personId` (another person) or `organizationId` (a party organization or an institution): staff with volunteers.manage. */
export class ClaimDemandDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A party organization or an institution (co-building unit)' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
