import { ApiProperty } from '@nestjs/swagger';
import { MemberTransferEntity } from '../member-transfer.entity';

/** One transfer (转接) of a member's organizational relation. */
export class MemberTransferDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ format: 'uuid' })
  fromOrganizationId: string;

  @ApiProperty({ example: '幸福小区党支部' })
  fromOrganizationName: string;

  @ApiProperty({ format: 'uuid' })
  toOrganizationId: string;

  @ApiProperty({ example: '和平社区党委' })
  toOrganizationName: string;

  @ApiProperty({ format: 'date-time' })
  transferredAt: string;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  static from(transfer: MemberTransferEntity, organizationNames: Map<string, string>): MemberTransferDto {
    const dto = new MemberTransferDto();
    dto.id = transfer.id;
    dto.memberId = transfer.memberId;
    dto.fromOrganizationId = transfer.fromOrganizationId;
    dto.fromOrganizationName = organizationNames.get(transfer.fromOrganizationId) ?? '';
    dto.toOrganizationId = transfer.toOrganizationId;
    dto.toOrganizationName = organizationNames.get(transfer.toOrganizationId) ?? '';
    dto.transferredAt = transfer.transferredAt.toISOString();
    dto.reason = transfer.reason;
    return dto;
  }
}
