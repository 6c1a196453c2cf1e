import { ApiProperty } from '@nestjs/swagger';

export class AssessmentRunDto {
  @ApiProperty({ example: '2026Q4' })
  period: string;

  @ApiProperty()
  persons: number;

  @ApiProperty()
  organizations: number;

  @ApiProperty()
  belowStandard: number;

  @ApiProperty()
  ineffective: number;

  @ApiProperty()
  leadershipReview: number;

  @ApiProperty({ description: 'Secretaries notified of an ineffective organization' })
  notified: number;
}
