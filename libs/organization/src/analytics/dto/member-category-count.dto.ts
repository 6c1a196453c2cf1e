import { ApiProperty } from '@nestjs/swagger';
import {
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_DISPLAY,
  MemberCategory,
  MemberStatus,
} from '../../members/member-category';

export class MemberCategoryCountDto {
  @ApiProperty({ enum: MEMBER_CATEGORIES, example: 'retired' })
  category: MemberCategory;

  @ApiProperty({ example: '退休党员' })
  displayCategory: string;

  @ApiProperty({ example: 120 })
  total: number;

  @ApiProperty({ example: 112, description: '正式党员' })
  full: number;

  @ApiProperty({ example: 8, description: '预备党员' })
  probationary: number;

  static of(category: MemberCategory, counts: Record<MemberStatus, number>): MemberCategoryCountDto {
    const dto = new MemberCategoryCountDto();
    dto.category = category;
    dto.displayCategory = MEMBER_CATEGORY_DISPLAY[category];
    dto.full = counts.full;
    dto.probationary = counts.probationary;
    dto.total = counts.full + counts.probationary;
    return dto;
  }
}
