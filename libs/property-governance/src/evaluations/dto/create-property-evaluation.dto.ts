import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { RATER_KINDS, RaterKind } from '../evaluation-defaults';

export class CreatePropertyEvaluationDto {
  @ApiProperty({ format: 'uuid', description: 'A street or a district' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ example: '2026H1', description: 'Half-year key' })
  @IsString()
  @Matches(/^\d{4}H[12]$/)
  period!: string;

  @ApiProperty({ example: '2026-06-01T00:00:00+08:00' })
  @IsISO8601()
  opensAt!: string;

  @ApiProperty({ example: '2026-06-30T23:59:59+08:00' })
  @IsISO8601()
  closesAt!: string;

  @ApiPropertyOptional({ example: { owner: 0.4, committee: 0.2, branch: 0.2, community: 0.2 } })
  @IsOptional()
  @IsObject()
  raterWeights?: Record<string, number>;

  @ApiPropertyOptional({ example: { service_quality: 0.25, cleanliness_greening: 0.15 } })
  @IsOptional()
  @IsObject()
  categoryWeights?: Record<string, number>;

  @ApiPropertyOptional({ example: 60, description: 'A complex scoring below this is ordered to rectify' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  rectificationBelow?: number;
}

export class RatePropertyEvaluationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  complexId!: string;

  @ApiProperty({ enum: RATER_KINDS })
  @IsIn(RATER_KINDS)
  raterKind!: RaterKind;

  @ApiProperty({ example: { service_quality: 90, cleanliness_greening: 80 }, description: 'category → 0..100' })
  @IsObject()
  scores!: Record<string, number>;
}
