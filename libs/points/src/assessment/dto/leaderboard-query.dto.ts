import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@linli/platform';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { OWNER_TYPES, OwnerType } from '../../ledger/points-owner';

export class LeaderboardQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Rank only owners within this unit's subtree" })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiProperty({ example: '2026Q4', description: 'A quarter (2026Q4) or a year (2026) key' })
  @IsString()
  period: string;

  @ApiPropertyOptional({ enum: OWNER_TYPES, default: 'person' })
  @IsOptional()
  @IsIn(OWNER_TYPES)
  ownerType?: OwnerType;
}
