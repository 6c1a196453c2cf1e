import { ApiProperty } from '@nestjs/swagger';

export class CheckInResultDto {
  @ApiProperty({ format: 'uuid' })
  activityId: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ format: 'date-time', description: 'The first check-in (a second check-in keeps it)' })
  checkedInAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The latest check-out' })
  checkedOutAt: string | null;
}
