import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

/** One shift of a post: when it starts and ends (ISO 8601 instants). */
export class ShiftInputDto {
  @ApiProperty({ format: 'date-time', example: '2026-11-29T01:00:00.000Z' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T04:00:00.000Z' })
  @IsISO8601({ strict: true })
  endsAt: string;
}
