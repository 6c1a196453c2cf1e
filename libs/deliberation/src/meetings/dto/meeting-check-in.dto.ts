import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class MeetingCheckInDto {
  @ApiProperty({ example: '042817', description: 'The six-digit code shown at the venue (it rotates every 2 minutes)' })
  @IsString()
  @MaxLength(16)
  code: string;
}

export class MeetingCheckInResultDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ format: 'date-time' })
  attendedAt: string;

  @ApiProperty({ description: 'false when you were recorded before (the first record stands)' })
  newlyRecorded: boolean;
}

export class MeetingCheckInCodeDto {
  @ApiProperty({ example: '042817' })
  code: string;

  @ApiProperty({ format: 'date-time', description: 'When the next code replaces it' })
  validUntil: string;
}
