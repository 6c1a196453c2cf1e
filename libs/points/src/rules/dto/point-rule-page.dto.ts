import { ApiProperty } from '@nestjs/swagger';
import { PointRuleDto } from './point-rule.dto';

export class PointRulePageDto {
  @ApiProperty({ type: [PointRuleDto] })
  items: PointRuleDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
