import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { JOINT_ATTENDANCE_STATUSES, JointAttendanceStatus } from '../joint-members.repository';

export class AddJointMemberDto {
  @ApiProperty({ format: 'uuid', description: 'The community' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ format: 'uuid', description: 'The member party organization (共建单位党组织)' })
  @IsUUID()
  organizationId: string;
}

export class JointMembersQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The community' })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({
    example: 2026,
    description: 'Calendar year of the absences (business time zone); default this year',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class RecordMemberAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId: string;

  @ApiProperty({ enum: JOINT_ATTENDANCE_STATUSES, description: 'absent = unexcused' })
  @IsIn(JOINT_ATTENDANCE_STATUSES)
  status: JointAttendanceStatus;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class JointMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty()
  organizationName: string;

  @ApiProperty({ description: 'Position in the chair rotation' })
  rotationOrder: number;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  leftAt: string | null;

  @ApiProperty({ description: 'Unexcused absences in the year' })
  absences: number;

  @ApiProperty({ description: 'Three unexcused absences or more in the year' })
  flagged: boolean;
}

export class JointMemberListDto {
  @ApiProperty({ type: [JointMemberDto] })
  items: JointMemberDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Always null: a community has few members, all listed' })
  nextCursor: string | null;
}

export class MemberAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ enum: JOINT_ATTENDANCE_STATUSES })
  status: JointAttendanceStatus;

  @ApiProperty({ description: "Unexcused absences in the meeting's calendar year" })
  absences: number;

  @ApiProperty()
  flagged: boolean;
}
