import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '@linli/platform';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, MemberCategory, MemberStatus } from '../member-category';

export class UpdatePartyMemberDto {
  @ApiPropertyOptional({ enum: MEMBER_CATEGORIES })
  @IsOptional()
  @IsIn(MEMBER_CATEGORIES)
  category?: MemberCategory;

  @ApiPropertyOptional({
    enum: MEMBER_STATUSES,
    description:
      "probationary → full (转正) raises the organization's full member count; full → probationary is refused",
  })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: MemberStatus;

  @ApiPropertyOptional({ format: 'date', example: '2015-07-01' })
  @IsOptional()
  @IsCalendarDate()
  joinedAt?: string;
}
