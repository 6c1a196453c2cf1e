import { ApiProperty } from '@nestjs/swagger';
import { DUAL_REGISTRATION_KIND_DISPLAY, DUAL_REGISTRATION_KINDS } from '../dual-registration-kind';
import { DualRegistrationEntity, DualRegistrationKind } from '../dual-registration.entity';

export class DualRegistrationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DUAL_REGISTRATION_KINDS })
  kind: DualRegistrationKind;

  @ApiProperty({ example: '在职党员到社区报到' })
  displayKind: string;

  @ApiProperty({ format: 'uuid' })
  communityUnitId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  memberId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '李明', description: "The member's name (kind member)" })
  memberName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  organizationId: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '市税务局第三分局党支部',
    description: "The organization's name (kind organization)",
  })
  organizationName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  institutionId: string | null;

  @ApiProperty({ format: 'date' })
  periodStart: string;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  periodEnd: string | null;

  @ApiProperty({ nullable: true, type: String })
  commitments: string | null;

  @ApiProperty({ description: 'False once ended' })
  active: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  endedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(
    registration: DualRegistrationEntity,
    memberName: string | null,
    organizationName: string | null,
  ): DualRegistrationDto {
    const dto = new DualRegistrationDto();
    dto.id = registration.id;
    dto.kind = registration.kind;
    dto.displayKind = DUAL_REGISTRATION_KIND_DISPLAY[registration.kind];
    dto.communityUnitId = registration.communityUnitId;
    dto.memberId = registration.memberId;
    dto.memberName = memberName;
    dto.organizationId = registration.organizationId;
    dto.organizationName = organizationName;
    dto.institutionId = registration.institutionId;
    dto.periodStart = registration.periodStart;
    dto.periodEnd = registration.periodEnd;
    dto.commitments = registration.commitments;
    dto.active = registration.endedAt === null;
    dto.endedAt = registration.endedAt ? registration.endedAt.toISOString() : null;
    dto.createdAt = registration.createdAt.toISOString();
    return dto;
  }
}
