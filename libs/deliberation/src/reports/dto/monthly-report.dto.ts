import { ApiProperty } from '@nestjs/swagger';

export class StepDaysDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Average days spent in the step by the topics that left it in the month (null: none left it)',
  })
  days: number | null;

  @ApiProperty({ description: 'How many topics left the step in the month' })
  n: number;
}

export class SatisfactionDto {
  @ApiProperty({ description: 'Ratings given in the month' })
  count: number;

  @ApiProperty({ description: 'Sum of their scores (1–5 each)' })
  sum: number;

  @ApiProperty({ type: Number, nullable: true, description: 'sum / count, two decimals; null without ratings' })
  average: number | null;
}

export class MonthlyReportDto {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: '2026-11' })
  period: string;

  @ApiProperty({ description: 'Community rows summed (1 for a community or a unit below it; 0 when not computed)' })
  communities: number;

  @ApiProperty({ description: 'Meetings held that started in the month' })
  meetingsHeld: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { collect: 3, review: 1, resolve: 0, notice: 1, execute: 2, evaluate: 0, closed: 4 },
    description: "Active topics by the step they were in at the month's end",
  })
  topicsByStep: Record<string, number>;

  @ApiProperty({ description: 'Opinions collected in the month' })
  opinionsCollected: number;

  @ApiProperty({ description: 'Resident proposals adopted as topics in the month' })
  proposalsAdopted: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { days: { type: 'number', nullable: true }, n: { type: 'integer' } },
    },
    example: { collect: { days: 12.5, n: 4 } },
    description: 'Per step left: average days spent in it, weighted by the number of topics',
  })
  stepDays: Record<string, StepDaysDto>;

  @ApiProperty({ type: SatisfactionDto })
  satisfaction: SatisfactionDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: the month was never computed' })
  computedAt: string | null;
}

export class MonthlyReportRunDto {
  @ApiProperty({ example: '2026-11' })
  period: string;

  @ApiProperty({ description: 'Communities whose row was (re)computed' })
  communities: number;

  @ApiProperty({ format: 'date-time' })
  computedAt: string;
}
