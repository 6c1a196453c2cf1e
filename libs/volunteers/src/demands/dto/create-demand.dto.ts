import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SKILL_CODE_PATTERN } from '../../profiles/volunteer-skills';
import { DEMAND_KINDS, DemandKind } from '../demand-kind';

export class CreateDemandDto {
  @ApiProperty({ enum: DEMAND_KINDS, example: 'micro_wish' })
  @IsIn(DEMAND_KINDS)
  kind: DemandKind;

  @ApiProperty({ format: 'uuid', description: "Where the need is (usually the requester's building or complex)" })
  @IsUUID()
  unitId: string;

  @ApiProperty({ example: '帮独居老人修理水龙头' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ example: '厨房水龙头漏水，老人行动不便' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Staff posting on a resident's behalf (needs volunteers.manage at the unit); default: the caller's own person",
  })
  @IsOptional()
  @IsUUID()
  requesterPersonId?: string;

  @ApiPropertyOptional({ type: [String], example: ['plumbing'], description: 'Skill codes of the taxonomy' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(SKILL_CODE_PATTERN, { each: true })
  requiredSkills?: string[];

  @ApiPropertyOptional({
    format: 'date-time',
    description: "Open past this instant, the demand expires and the community's secretary is told",
  })
  @IsOptional()
  @IsDateString()
  deadline?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 720,
    default: 72,
    description: 'Hours a claim lasts before it lapses (unless extended)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  claimHours?: number;
}
