import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { UNIT_KINDS, UnitKind } from '../unit-kind';

export class UnitChildrenQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: UNIT_KINDS,
    description: 'Only children of this kind (under a grid: complexes or buildings)',
  })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;
}
