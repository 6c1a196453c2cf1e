import { ApiProperty } from '@nestjs/swagger';
import { MEETING_KINDS, MeetingKind } from '../meeting-kinds';

export class MeetingRuleDto {
  @ApiProperty({
    example: 'more_than_half',
    description: 'none | more_than_half | two_thirds (quorum); more_than_half | consensus (decision)',
  })
  rule: string;

  @ApiProperty({ description: 'The legal or customary text the rule comes from' })
  source: string;
}

export class QuorumRuleDto extends MeetingRuleDto {
  @ApiProperty({
    example: 'adult_residents_or_households',
    description: 'none | adult_residents_or_households | representatives',
  })
  base: string;
}

export class MeetingKindDto {
  @ApiProperty({ enum: MEETING_KINDS })
  kind: MeetingKind;

  @ApiProperty({ example: '居民会议' })
  displayName: string;

  @ApiProperty({ description: 'Calendar days between creation and the start, at least' })
  noticeDays: number;

  @ApiProperty()
  noticeSource: string;

  @ApiProperty({ type: QuorumRuleDto })
  quorum: QuorumRuleDto;

  @ApiProperty({ type: MeetingRuleDto })
  decision: MeetingRuleDto;

  @ApiProperty({ description: 'Any resident of the community may check in (else residents within the unit)' })
  openToCommunity: boolean;

  @ApiProperty({ type: [String], nullable: true, description: 'Unit kinds it may be held at (null: any)' })
  unitKinds: string[] | null;
}

export class MeetingKindListDto {
  @ApiProperty({ type: [MeetingKindDto] })
  items: MeetingKindDto[];
}
