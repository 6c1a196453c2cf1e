import { ApiProperty } from '@nestjs/swagger';
import { SIGNUP_STATUSES, SignupStatus } from '../activity-kind';
import { ActivitySignupEntity } from '../activity-signup.entity';

export class SignupDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  activityId: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ enum: SIGNUP_STATUSES })
  status: SignupStatus;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Place in the waitlist (1 = next to be promoted); null unless waitlisted',
  })
  waitlistPosition: number | null;

  @ApiProperty({ format: 'date-time' })
  signedUpAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  confirmedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  cancelledAt: string | null;

  static from(signup: ActivitySignupEntity, waitlistPosition: number | null): SignupDto {
    const dto = new SignupDto();
    dto.id = signup.id;
    dto.activityId = signup.activityId;
    dto.personId = signup.personId;
    dto.status = signup.status;
    dto.waitlistPosition = signup.status === 'waitlisted' ? waitlistPosition : null;
    dto.signedUpAt = signup.signedUpAt.toISOString();
    dto.confirmedAt = signup.confirmedAt?.toISOString() ?? null;
    dto.cancelledAt = signup.cancelledAt?.toISOString() ?? null;
    return dto;
  }
}
