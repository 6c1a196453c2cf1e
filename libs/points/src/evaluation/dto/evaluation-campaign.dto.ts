import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EvaluationCriterionDto } from './evaluation-criterion.dto';

export class EvaluationAssignmentCountsDto {
  @ApiProperty({ description: 'Assignments generated from dual registrations' })
  total: number;

  @ApiProperty({ description: 'Assignments already submitted' })
  submitted: number;

  @ApiProperty({ description: 'The community rates a registered member' })
  communityRatesMember: number;

  @ApiProperty({ description: 'The community rates a registered agency organization' })
  communityRatesOrganization: number;

  @ApiProperty({ description: 'A registered agency organization rates the community' })
  organizationRatesCommunity: number;
}

export class EvaluationCampaignDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ type: [EvaluationCriterionDto] })
  criteria: EvaluationCriterionDto[];

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  opensAt: Date | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  closesAt: Date | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: EvaluationAssignmentCountsDto })
  assignments: EvaluationAssignmentCountsDto;
}
