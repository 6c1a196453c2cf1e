import { ApiProperty } from '@nestjs/swagger';

/** A claim of a shift's slot, with the shift's attendance. */
export class ClaimDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ format: 'uuid' }) shiftId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: '王芳' }) personName: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ description: 'A party member when claiming' }) partyMember: boolean;
  @ApiProperty({ description: "Dual-registered (双报到) at the post's community when claiming" })
  dualRegistered: boolean;
  @ApiProperty({ format: 'date-time' }) claimedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) releasedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) checkedInAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) checkedOutAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Verified hours (null until verified)' }) hours:
    number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) verifiedAt: string | null;
}

export class ShiftAttendanceDto {
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ format: 'uuid' }) shiftId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() slots: number;
  @ApiProperty({ type: [ClaimDto], description: 'Live claims, by claim time' }) items: ClaimDto[];
}

export class ShiftVerifyResultDto {
  @ApiProperty({ type: [ClaimDto], description: 'Attendances verified by this call' }) verified: ClaimDto[];
  @ApiProperty({
    type: [String],
    description: 'People named whose attendance was verified before (nothing published again)',
  })
  alreadyVerified: string[];
}
