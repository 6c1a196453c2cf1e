import { ApiProperty } from '@nestjs/swagger';
import { SIGNUP_STATUSES, SignupStatus } from '../activity-kind';
import { ActivitySignupEntity } from '../activity-signup.entity';

/** One person's sign-up and attendance, as the organizer sees it. */
export class AttendanceDto {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: '王芳' })
  personName: string;

  @ApiProperty({ enum: SIGNUP_STATUSES })
  status: SignupStatus;

  @ApiProperty({ nullable: true, type: Number, description: 'Place in the waitlist; null unless waitlisted' })
  waitlistPosition: number | null;

  @ApiProperty({ format: 'date-time' })
  signedUpAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  checkedInAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  checkedOutAt: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Verified hours; null until verified' })
  hours: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Hours from check-in and check-out, when the verifier set others',
  })
  computedHours: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'Why the verifier set other hours' })
  hoursReason: string | null;

  @ApiProperty()
  verified: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  verifiedAt: string | null;

  static from(signup: ActivitySignupEntity, personName: string, waitlistPosition: number | null): AttendanceDto {
    const dto = new AttendanceDto();
    dto.personId = signup.personId;
    dto.personName = personName;
    dto.status = signup.status;
    dto.waitlistPosition = signup.status === 'waitlisted' ? waitlistPosition : null;
    dto.signedUpAt = signup.signedUpAt.toISOString();
    dto.checkedInAt = signup.checkedInAt?.toISOString() ?? null;
    dto.checkedOutAt = signup.checkedOutAt?.toISOString() ?? null;
    dto.hours = signup.hours;
    dto.computedHours = signup.computedHours;
    dto.hoursReason = signup.hoursReason;
    dto.verified = signup.verifiedAt !== null;
    dto.verifiedAt = signup.verifiedAt?.toISOString() ?? null;
    return dto;
  }
}

export class AttendancePageDto {
  @ApiProperty({ type: [AttendanceDto] })
  items: AttendanceDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
