import { ApiProperty } from '@nestjs/swagger';

export class MeetingAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['staff', 'code'], description: 'Recorded by staff, or checked in with the code' })
  method: string;

  @ApiProperty({ format: 'date-time' })
  attendedAt: string;
}

export class MeetingAttendancePageDto {
  @ApiProperty({ type: [MeetingAttendanceDto] })
  items: MeetingAttendanceDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
