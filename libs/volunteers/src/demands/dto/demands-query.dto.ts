import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { SKILL_CODE_PATTERN } from '../../profiles/volunteer-skills';
import { DEMAND_KINDS, DEMAND_STATUSES, DemandKind, DemandStatus } from '../demand-kind';

export class DemandsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only demands at this unit or below it' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: DEMAND_STATUSES })
  @IsOptional()
  @IsIn(DEMAND_STATUSES)
  status?: DemandStatus;

  @ApiPropertyOptional({ enum: DEMAND_KINDS })
  @IsOptional()
  @IsIn(DEMAND_KINDS)
  kind?: DemandKind;

  @ApiPropertyOptional({ example: 'legal', description: 'Only demands requiring this skill' })
  @IsOptional()
  @Matches(SKILL_CODE_PATTERN)
  skill?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only demands you posted for yourself or claimed' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;
}
