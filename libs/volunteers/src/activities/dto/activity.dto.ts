import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_KINDS, ActivityKind, ACTIVITY_KIND_DISPLAY } from '../activity-kind';
import { ActivityRecord } from '../activity-record';
import { ActivityLocationDto } from './activity-location.dto';

export class ActivityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: '幸福里社区' })
  unitName: string;

  @ApiProperty({ example: '社区清洁日' })
  title: string;

  @ApiProperty({ enum: ACTIVITY_KINDS })
  kind: ActivityKind;

  @ApiProperty({ example: '志愿服务日' })
  displayKind: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty()
  capacity: number;

  @ApiProperty({ description: 'Confirmed sign-ups' })
  confirmedCount: number;

  @ApiProperty({ description: 'Places left (0 = new sign-ups join the waitlist)' })
  placesLeft: number;

  @ApiProperty({ format: 'date-time', description: 'When sign-ups close (signupDeadline, else the start)' })
  signupDeadline: string;

  @ApiPropertyOptional({ type: ActivityLocationDto, nullable: true })
  location: ActivityLocationDto | null;

  @ApiProperty({ nullable: true, type: Number })
  radiusM: number | null;

  @ApiProperty({ format: 'uuid', description: 'The account that created it (the organizer)' })
  organizerUserId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  /** `unitName` comes from organization's directory (one call for a whole page). */
  static from(activity: ActivityRecord, unitName: string): ActivityDto {
    const dto = new ActivityDto();
    dto.id = activity.id;
    dto.unitId = activity.unitId;
    dto.unitName = unitName;
    dto.title = activity.title;
    dto.kind = activity.kind;
    dto.displayKind = ACTIVITY_KIND_DISPLAY[activity.kind];
    dto.startsAt = activity.startsAt.toISOString();
    dto.endsAt = activity.endsAt.toISOString();
    dto.capacity = activity.capacity;
    dto.confirmedCount = activity.confirmedCount;
    dto.placesLeft = Math.max(0, activity.capacity - activity.confirmedCount);
    dto.signupDeadline = (activity.signupDeadline ?? activity.startsAt).toISOString();
    dto.location = activity.location
      ? {
          lat: activity.location.lat,
          lng: activity.location.lng,
          ...(activity.location.address ? { address: activity.location.address } : {}),
        }
      : null;
    dto.radiusM = activity.radiusM;
    dto.organizerUserId = activity.organizerUserId;
    dto.createdAt = activity.createdAt.toISOString();
    return dto;
  }
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityDto] })
  items: ActivityDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
