import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ACTIVITY_KINDS, ActivityKind } from '../activity-kind';
import { ActivityLocationDto } from './activity-location.dto';

export class CreateActivityDto {
  @ApiProperty({ format: 'uuid', description: 'Where the activity is held; within your volunteers.manage scope' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ maxLength: 200, example: '社区清洁日' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({
    enum: ACTIVITY_KINDS,
    description: 'neighbour 邻里活动, party_day 主题党日, service 志愿服务日 (verified hours count as service hours)',
  })
  @IsIn(ACTIVITY_KINDS)
  kind: ActivityKind;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'After startsAt' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty({ minimum: 1, maximum: 100000, description: 'Confirmed places; further sign-ups join the waitlist' })
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Sign-ups close then (default: at the start); not after endsAt',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  signupDeadline?: string;

  @ApiPropertyOptional({ type: ActivityLocationDto, description: 'The venue; required when radiusM is given' })
  @ValidateIf((o: CreateActivityDto) => o.location !== undefined || o.radiusM !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => ActivityLocationDto)
  location?: ActivityLocationDto;

  @ApiPropertyOptional({
    minimum: 10,
    maximum: 100000,
    description: 'Check-in only within this distance of the venue (metres)',
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(100000)
  radiusM?: number;
}
