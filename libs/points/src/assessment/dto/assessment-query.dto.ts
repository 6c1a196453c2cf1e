import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@linli/platform';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { OWNER_TYPES, OwnerType } from '../../ledger/points-owner';
import { ASSESSMENT_TIERS, AssessmentTier } from '../assessment-tiers';

export class AssessmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only owners within this unit's subtree (members by residence, organizations by anchor unit)",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ example: '2026Q4', description: 'A quarter key' })
  @IsOptional()
  @IsString()
  period?: string;

  @ApiPropertyOptional({ enum: OWNER_TYPES })
  @IsOptional()
  @IsIn(OWNER_TYPES)
  ownerType?: OwnerType;

  @ApiPropertyOptional({ enum: ASSESSMENT_TIERS })
  @IsOptional()
  @IsIn(ASSESSMENT_TIERS)
  tier?: AssessmentTier;
}
