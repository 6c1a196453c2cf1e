import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEETING_KINDS, MeetingKind } from '../meeting-kinds';
import { MinutesDto } from './minutes.dto';

export class MeetingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: '社区A' })
  unitName: string;

  @ApiProperty({ enum: MEETING_KINDS })
  kind: MeetingKind;

  @ApiProperty({ example: '居民会议' })
  displayKind: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ nullable: true, type: String })
  location: string | null;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty({ enum: ['scheduled', 'held', 'cancelled'] })
  status: string;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Joint meetings: the chairing member organization',
  })
  chairOrganizationId: string | null;

  @ApiProperty({ nullable: true, type: String })
  chairOrganizationName: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MeetingPageDto {
  @ApiProperty({ type: [MeetingDto] })
  items: MeetingDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class AgendaItemDto {
  @ApiProperty({ format: 'uuid' })
  topicId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  position: number;
}

export class QuorumStatusDto {
  @ApiProperty({ enum: ['none', 'more_than_half', 'two_thirds'] })
  rule: string;

  @ApiProperty({ enum: ['none', 'adult_residents', 'households', 'representatives'], description: 'What was counted' })
  basis: string;

  @ApiProperty({ description: 'How many could attend (0 without a quorum)' })
  base: number;

  @ApiProperty({ description: 'How many of the base are present' })
  present: number;

  @ApiProperty({ description: 'How many must be present' })
  required: number;

  @ApiProperty()
  met: boolean;

  @ApiProperty()
  source: string;
}

export class MeetingDetailDto extends MeetingDto {
  @ApiProperty({ type: [AgendaItemDto] })
  agenda: AgendaItemDto[];

  @ApiProperty()
  attendanceCount: number;

  @ApiProperty({ type: QuorumStatusDto })
  quorum: QuorumStatusDto;

  @ApiPropertyOptional({ type: MinutesDto, nullable: true })
  minutes: MinutesDto | null;
}
