import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { CASE_CHANNELS, CASE_LEVELS, CASE_STATUSES, CASE_TYPES } from '../case-flow';

export class CaseTaskDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  departmentId: string;

  @ApiProperty({ example: '司法所' })
  departmentName: string;

  @ApiProperty({ enum: ['open', 'done'] })
  status: string;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doneAt: string | null;
}

export class CaseReporterDto {
  @ApiProperty()
  personId: string;

  @ApiProperty()
  name: string;
}

export class CaseDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: CASE_CHANNELS })
  channel: string;

  @ApiProperty({ example: '网格巡查' })
  channelDisplay: string;

  @ApiProperty({ enum: CASE_TYPES })
  type: string;

  @ApiProperty({ example: '安全隐患' })
  typeDisplay: string;

  @ApiProperty()
  categoryCode: string;

  @ApiProperty()
  categoryName: string;

  @ApiProperty()
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [String] })
  evidence: string[];

  @ApiProperty({ enum: ['normal', 'urgent'] })
  urgency: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status: string;

  @ApiProperty({ example: '已立案' })
  statusDisplay: string;

  @ApiProperty({ enum: CASE_LEVELS })
  level: string;

  @ApiProperty({ example: '网格' })
  levelDisplay: string;

  @ApiProperty()
  levelUnitId: string;

  @ApiProperty()
  levelUnitName: string;

  @ApiProperty({ type: String, nullable: true })
  handlerUserId: string | null;

  @ApiProperty({ type: CaseReporterDto, nullable: true, description: 'Null when anonymous (see the reveal) or none' })
  reporter: CaseReporterDto | null;

  @ApiProperty()
  anonymous: boolean;

  @ApiProperty({ description: 'Reporters, merged duplicates included' })
  reporterCount: number;

  @ApiProperty({ description: 'Parties to a dispute (identities through the reveal only)' })
  partyCount: number;

  @ApiProperty({ type: String, nullable: true, description: 'The hotline ticket number' })
  externalId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  reportedAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  responseDueAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  respondedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  registeredAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The case's resolution deadline" })
  resolveDueAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The current level's deadline" })
  levelDueAt: string | null;

  @ApiProperty({ description: 'Open past its resolution deadline' })
  overdue: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  handledAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  closedOnTime: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  rejectReason: string | null;

  @ApiProperty({ type: String, nullable: true })
  duplicateOfId: string | null;

  @ApiProperty({ description: 'Failed verifications and unsatisfied follow-ups (返工)' })
  reworkCount: number;

  @ApiProperty()
  reopenCount: number;

  @ApiProperty()
  escalationCount: number;

  @ApiProperty({ type: String, nullable: true, enum: ['satisfied', 'basically_satisfied', 'unsatisfied'] })
  satisfaction: string | null;

  @ApiProperty({ type: [CaseTaskDto], description: 'Joint handling (联办)' })
  tasks: CaseTaskDto[];
}

export class CasePageDto {
  @ApiProperty({ type: [CaseDto] })
  items: CaseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class CasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Cases located at this unit or below' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: (typeof CASE_STATUSES)[number];

  @ApiPropertyOptional({ enum: CASE_TYPES })
  @IsOptional()
  @IsIn(CASE_TYPES)
  type?: string;

  @ApiPropertyOptional({ enum: CASE_CHANNELS })
  @IsOptional()
  @IsIn(CASE_CHANNELS)
  channel?: string;

  @ApiPropertyOptional({ enum: CASE_LEVELS })
  @IsOptional()
  @IsIn(CASE_LEVELS)
  level?: (typeof CASE_LEVELS)[number];

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only open cases past their resolution deadline' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: string;
}

export class CaseStepDto {
  @ApiProperty()
  action: string;

  @ApiProperty({ type: String, nullable: true })
  fromStatus: string | null;

  @ApiProperty()
  toStatus: string;

  @ApiProperty()
  level: string;

  @ApiProperty({ type: String, nullable: true })
  userId: string | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: Object })
  data: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;
}

export class CaseStepListDto {
  @ApiProperty({ type: [CaseStepDto] })
  items: CaseStepDto[];
}

export class RevealedCaseDto {
  @ApiProperty({ type: [CaseReporterDto], description: 'Every reporter, anonymous ones included' })
  reporters: CaseReporterDto[];

  @ApiProperty({ type: [CaseReporterDto], description: 'The parties to the dispute' })
  parties: CaseReporterDto[];
}
