import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CASE_LEVELS, CaseLevel, REJECT_REASONS, RejectReason, SATISFACTIONS, Satisfaction } from '../case-flow';

export class RejectCaseDto {
  @ApiProperty({ enum: REJECT_REASONS, description: '不予受理: duplicate 重复, not_in_jurisdiction 非本辖区, …' })
  @IsIn(REJECT_REASONS)
  reason: RejectReason;

  @ApiPropertyOptional({ description: 'For a duplicate: the case it duplicates (its reporters join that case)' })
  @IsOptional()
  @IsUUID()
  duplicateOfId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class DispatchCaseDto {
  @ApiPropertyOptional({
    enum: CASE_LEVELS,
    description: "The level that handles it; the case's current level by default",
  })
  @IsOptional()
  @IsIn(CASE_LEVELS)
  level?: CaseLevel;

  @ApiPropertyOptional({ description: 'The account that handles it; else the heads of the level are told' })
  @IsOptional()
  @IsUUID()
  handlerUserId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Joint handling (联办): one task per department' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  departmentIds?: string[];
}

export class CaseNoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CaseReasonDto {
  @ApiProperty({ example: '涉及多个部门，网格无法解决' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class HandleCaseDto {
  @ApiProperty({ description: 'What was done (反馈)' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note: string;
}

export class VerifyCaseDto {
  @ApiProperty({ description: 'Whether the handling resolved it; a failed verification returns the case (返工)' })
  @IsBoolean()
  passed: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CaseVisitDto {
  @ApiProperty({ enum: SATISFACTIONS, description: '满意 / 基本满意 / 不满意 (unsatisfied reopens the case)' })
  @IsIn(SATISFACTIONS)
  satisfaction: Satisfaction;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RevealCaseDto {
  @ApiProperty({ example: '需联系当事人调解', description: 'Why you need the identities (kept in the audit log)' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}
