import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class RecordAttendanceDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'People present (from the sign-in sheet); already recorded ones are skipped',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  personIds: string[];
}

export class RecordAttendanceResultDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Newly recorded (each yields deliberation.meeting.attended)',
  })
  recorded: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Recorded before; skipped' })
  skipped: string[];

  @ApiProperty()
  attendanceCount: number;
}
