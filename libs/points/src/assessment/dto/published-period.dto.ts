import { ApiProperty } from '@nestjs/swagger';

export class PublishedPeriodDto {
  @ApiProperty({ example: '2026Q4' })
  period: string;

  @ApiProperty({ enum: ['published'] })
  status: 'published';

  @ApiProperty()
  publishedAt: Date;

  @ApiProperty({ description: 'Results made immutable' })
  results: number;
}
