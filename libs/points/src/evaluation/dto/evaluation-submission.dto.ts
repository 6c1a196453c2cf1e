import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EvaluationSubmissionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  assignmentId: string;

  @ApiProperty({ example: { service: 90, cooperation: 80 } })
  scores: Record<string, number>;

  @ApiProperty({ description: 'Σ score × weight / 100, two decimals', example: 86 })
  weightedScore: number;

  @ApiPropertyOptional({ nullable: true })
  comment: string | null;

  @ApiProperty({ format: 'date-time' })
  submittedAt: Date;
}
