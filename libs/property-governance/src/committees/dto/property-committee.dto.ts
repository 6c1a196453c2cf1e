import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const COMMITTEE_FLAG_KINDS = [
  'officers-overdue',
  'filing-overdue',
  'change-report-overdue',
  'term-ending',
] as const;
export type CommitteeFlagKind = (typeof COMMITTEE_FLAG_KINDS)[number];

export class PropertyCommitteeMemberDto {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ description: 'Committee members are published to the owners by name' })
  name: string;

  @ApiProperty({ enum: ['chair', 'vice_chair', 'member'] })
  office: 'chair' | 'vice_chair' | 'member';

  @ApiProperty({ description: '主任 / 副主任 / 委员' })
  officeDisplay: string;

  @ApiProperty({ format: 'date' })
  joinedOn: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  leftOn: string | null;
}

export class PropertyCommitteeChangeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date' })
  changedOn: string;

  @ApiProperty({ format: 'date', description: 'changedOn + 30 days: the change is reported by then' })
  reportDueOn: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  reportedOn: string | null;
}

export class PropertyCommitteeFlagDto {
  @ApiProperty({ enum: COMMITTEE_FLAG_KINDS })
  kind: CommitteeFlagKind;

  @ApiProperty({ description: 'In Chinese' })
  kindDisplay: string;

  @ApiProperty({ format: 'uuid', description: 'The committee, or the change whose report is overdue' })
  subjectId: string;

  @ApiProperty({ format: 'date', description: 'The missed deadline, or the day the term ends' })
  dueOn: string;

  @ApiProperty({ format: 'date-time' })
  flaggedAt: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  resolvedAt: string | null;
}

export class PropertyCommitteeDeadlinesDto {
  @ApiProperty({
    format: 'date',
    description: 'Chair and vice-chair chosen by then (election + 7 days, 指导规则 第三十二条)',
  })
  officersDueOn: string;

  @ApiProperty({ format: 'date', description: 'Filed by then (election + 30 days, 指导规则 第三十三条)' })
  filingDueOn: string;

  @ApiProperty({ format: 'date', description: 'Flagged from this day: 90 days before the term ends' })
  termWarningFrom: string;
}

export class PropertyCommitteeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  complexId: string;

  @ApiProperty({ description: 'e.g. 幸福小区业主委员会' })
  title: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  electionDecisionId: string | null;

  @ApiProperty({ format: 'date' })
  electedOn: string;

  @ApiProperty({ format: 'date' })
  termEndsOn: string;

  @ApiProperty({ enum: ['active', 'ended'] })
  status: 'active' | 'ended';

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  endedOn: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  chairPersonId: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  viceChairPersonId: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  officersChosenOn: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  filedOn: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  filingReference: string | null;

  @ApiProperty({ type: PropertyCommitteeDeadlinesDto })
  deadlines: PropertyCommitteeDeadlinesDto;

  @ApiProperty({ type: [PropertyCommitteeMemberDto], description: 'Current members first, then former ones' })
  members: PropertyCommitteeMemberDto[];

  @ApiProperty({ type: [PropertyCommitteeChangeDto] })
  changes: PropertyCommitteeChangeDto[];

  @ApiProperty({
    type: [PropertyCommitteeFlagDto],
    description: 'Missed deadlines and the term warning, open and resolved',
  })
  flags: PropertyCommitteeFlagDto[];
}

export class PropertyCommitteePageDto {
  @ApiProperty({ type: [PropertyCommitteeDto] })
  items: PropertyCommitteeDto[];

  @ApiPropertyOptional({ nullable: true, type: String })
  nextCursor: string | null;
}
