import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STRUCTURE_CHECK_RULE_DISPLAY, STRUCTURE_CHECK_RULES, StructureCheckRule } from '../structure-check-rule';
import { StructureFinding } from '../structure-evaluator';

export class StructureFindingDto {
  @ApiProperty({ enum: STRUCTURE_CHECK_RULES, example: 'branch.missing' })
  rule: StructureCheckRule;

  @ApiProperty({ example: '小区应建未建党支部' })
  displayRule: string;

  @ApiProperty({ format: 'uuid', description: 'The unit concerned (for an organization: its anchor unit)' })
  unitId: string;

  @ApiProperty({ example: '幸福里小区' })
  unitName: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Present when the finding is about an organization' })
  organizationId?: string;

  @ApiPropertyOptional({ example: '幸福里小区党支部' })
  organizationName?: string;

  @ApiProperty({ example: '「幸福里小区」居住正式党员 4 名，尚未建立本小区党支部（正式党员 3 名以上应当成立党支部）' })
  message: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { fullMembers: 4, threshold: 3 } })
  numbers: Record<string, number>;

  static from(finding: StructureFinding): StructureFindingDto {
    const dto = new StructureFindingDto();
    dto.rule = finding.rule;
    dto.displayRule = STRUCTURE_CHECK_RULE_DISPLAY[finding.rule];
    dto.unitId = finding.unitId;
    dto.unitName = finding.unitName;
    if (finding.organizationId) dto.organizationId = finding.organizationId;
    if (finding.organizationName) dto.organizationName = finding.organizationName;
    dto.message = finding.message;
    dto.numbers = finding.numbers;
    return dto;
  }
}

/** `GET /units/:id/structure-check`. */
export class StructureCheckPageDto {
  @ApiProperty({
    example: '2026-11-22',
    description: 'The business day the check is computed for (terms are measured from it)',
  })
  asOf: string;

  @ApiProperty({ type: [StructureFindingDto], description: 'By rule (in contract order), then tree order of the unit' })
  items: StructureFindingDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Findings per rule in the whole subtree (every rule, zeros included)',
  })
  totals: Record<string, number>;
}
