import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@linli/platform';
import { IsIn, IsOptional } from 'class-validator';
import { STRUCTURE_CHECK_RULES, StructureCheckRule } from '../structure-check-rule';

/** `GET /units/:id/structure-check?rule=&limit=&cursor=`. */
export class StructureCheckQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STRUCTURE_CHECK_RULES, description: 'Only the findings of one rule' })
  @IsOptional()
  @IsIn(STRUCTURE_CHECK_RULES)
  rule?: StructureCheckRule;
}
