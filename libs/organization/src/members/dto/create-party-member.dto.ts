import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { IsCalendarDate } from '@linli/platform';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, MemberCategory, MemberStatus } from '../member-category';

export class CreatePartyMemberDto {
  @ApiProperty({ format: 'uuid', description: 'The person; at most one membership per person' })
  @IsUUID()
  personId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'Where the organizational relation sits (not a party group); within your members.manage scope',
  })
  @IsUUID()
  organizationId: string;

  @ApiProperty({ enum: MEMBER_CATEGORIES })
  @IsIn(MEMBER_CATEGORIES)
  category: MemberCategory;

  @ApiProperty({ enum: MEMBER_STATUSES })
  @IsIn(MEMBER_STATUSES)
  status: MemberStatus;

  @ApiProperty({ format: 'date', example: '2015-07-01', description: 'Date of joining the party' })
  @IsCalendarDate()
  joinedAt: string;
}
