import { ApiProperty } from '@nestjs/swagger';
import { PartyMemberDto } from './party-member.dto';

export class PartyMemberPageDto {
  @ApiProperty({ type: [PartyMemberDto] })
  items: PartyMemberDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
