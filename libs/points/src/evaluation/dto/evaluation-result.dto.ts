import { ApiProperty } from '@nestjs/swagger';

/** The aggregate of the submissions about one rated owner. */
export class EvaluationResultDto {
  @ApiProperty({ enum: ['person', 'organization', 'community'] })
  rateeType: string;

  @ApiProperty({ format: 'uuid' })
  rateeId: string;

  @ApiProperty({ description: 'Assignments rating this owner' })
  assignments: number;

  @ApiProperty({ description: 'Submissions received' })
  submissions: number;

  @ApiProperty({
    description: 'Mean weighted score of the submissions (0–100, two decimals); null before any',
    nullable: true,
    type: Number,
  })
  score: number | null;
}

export class EvaluationResultListDto {
  @ApiProperty({ type: [EvaluationResultDto] })
  items: EvaluationResultDto[];
}
