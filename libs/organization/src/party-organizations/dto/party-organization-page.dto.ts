import { ApiProperty } from '@nestjs/swagger';
import { PartyOrganizationDto } from './party-organization.dto';

export class PartyOrganizationPageDto {
  @ApiProperty({ type: [PartyOrganizationDto] })
  items: PartyOrganizationDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
