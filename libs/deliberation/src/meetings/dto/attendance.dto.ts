import { ApiProperty } from '@nestjs/swagger';

export class AttendanceDto {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['staff', 'code'], description: 'Recorded by staff, or checked in with the code' })
  method: string;

  @ApiProperty({ format: 'date-time' })
  attendedAt: string;
}

export class AttendancePageDto {
  @ApiProperty({ type: [AttendanceDto] })
  items: AttendanceDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
