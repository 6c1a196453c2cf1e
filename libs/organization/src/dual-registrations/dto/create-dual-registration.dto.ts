import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '@linli/platform';
import { DUAL_REGISTRATION_KINDS } from '../dual-registration-kind';
import { DualRegistrationKind } from '../dual-registration.entity';

/**
 * `kind: 'member'`: an in-service member registers at the community where they live
 * (`memberId`; optional work `institutionId`, `periodStart`, `commitments`).
 * `kind: 'organization'`: an institution's party organization registers with a community under a
 * co-building agreement (`organizationId`, `periodStart`, `commitments`; optional `periodEnd`, `institutionId`).
 */
export class CreateDualRegistrationDto {
  @ApiProperty({ enum: DUAL_REGISTRATION_KINDS })
  @IsIn(DUAL_REGISTRATION_KINDS)
  kind: DualRegistrationKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'kind member: the in-service member (required; not allowed for kind organization)',
  })
  @ValidateIf((o: CreateDualRegistrationDto) => o.kind === 'member' || o.memberId !== undefined)
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'kind organization: the registering party organization (required; not allowed for kind member)',
  })
  @ValidateIf((o: CreateDualRegistrationDto) => o.kind === 'organization' || o.organizationId !== undefined)
  @IsUUID()
  organizationId?: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The community registered with; within your dual-registrations.manage scope',
  })
  @IsUUID()
  communityUnitId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The member's work institution, or the organization's institution",
  })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Required for kind organization; for kind member default today' })
  @ValidateIf((o: CreateDualRegistrationDto) => o.kind === 'organization' || o.periodStart !== undefined)
  @IsCalendarDate()
  periodStart?: string;

  @ApiPropertyOptional({ format: 'date', description: 'End of the agreement, if fixed' })
  @IsOptional()
  @IsCalendarDate()
  periodEnd?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    example: '每季度开展一次共建活动，认领社区服务岗位 10 个',
    description: 'Required for kind organization',
  })
  @ValidateIf((o: CreateDualRegistrationDto) => o.kind === 'organization' || o.commitments !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  commitments?: string;
}
