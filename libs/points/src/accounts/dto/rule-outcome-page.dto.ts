import { ApiProperty } from '@nestjs/swagger';
import { RuleOutcomeDto } from './rule-outcome.dto';

export class RuleOutcomePageDto {
  @ApiProperty({ type: [RuleOutcomeDto] })
  items: RuleOutcomeDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
