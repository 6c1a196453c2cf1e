import { ApiProperty } from '@nestjs/swagger';
import { MemberTransferDto } from './member-transfer.dto';
import { PartyMemberDto } from './party-member.dto';

/** A member with the history of their transfers, oldest first. */
export class PartyMemberDetailDto extends PartyMemberDto {
  @ApiProperty({ type: [MemberTransferDto] })
  transfers: MemberTransferDto[];
}
