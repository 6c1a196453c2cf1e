import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { EvaluationCriterionDto } from './evaluation-criterion.dto';

/** `POST /points/evaluation-campaigns`: a yearly two-way evaluation over a unit's subtree. */
export class CreateEvaluationCampaignDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ example: '2026年度双报到双向评价', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ type: [EvaluationCriterionDto], description: 'Distinct codes; weights sum to 100' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvaluationCriterionDto)
  criteria: EvaluationCriterionDto[];

  @ApiProperty({
    format: 'uuid',
    description: "The campaign's scope: registrations of communities in this unit's subtree are evaluated",
  })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601()
  opensAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601()
  closesAt?: string;
}
