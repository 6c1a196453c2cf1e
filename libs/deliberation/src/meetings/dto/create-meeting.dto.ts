import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { MEETING_KINDS, MeetingKind } from '../meeting-kinds';

export class CreateMeetingDto {
  @ApiProperty({ format: 'uuid', description: 'A community, grid, complex or building (a joint meeting: a community)' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS)
  kind: MeetingKind;

  @ApiProperty({ example: '幸福里小区加装电梯协商会', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ format: 'date-time', description: "At least the kind's notice days from now" })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiPropertyOptional({ example: '社区党群服务中心二楼会议室', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Agenda, in order: active topics in the resolution step at the unit or below it',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  topicIds?: string[];
}
