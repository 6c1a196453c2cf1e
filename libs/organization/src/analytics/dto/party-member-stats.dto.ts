import { ApiProperty } from '@nestjs/swagger';
import { MemberCategoryCountDto } from './member-category-count.dto';

/** Party members living in the subtree (by residence), whatever organization holds their membership. */
export class PartyMemberStatsDto {
  @ApiProperty({ example: 3600 })
  total: number;

  @ApiProperty({ example: 3380 })
  full: number;

  @ApiProperty({ example: 220 })
  probationary: number;

  @ApiProperty({ type: [MemberCategoryCountDto], description: 'Every category, in contract order' })
  byCategory: MemberCategoryCountDto[];
}
