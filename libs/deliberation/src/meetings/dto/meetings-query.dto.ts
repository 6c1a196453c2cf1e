import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { MEETING_KINDS, MeetingKind } from '../meeting-kinds';

export class MeetingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Meetings at this unit or below it' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: MEETING_KINDS })
  @IsOptional()
  @IsIn(MEETING_KINDS)
  kind?: MeetingKind;

  @ApiPropertyOptional({ format: 'date-time', description: 'Starting at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Starting before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
