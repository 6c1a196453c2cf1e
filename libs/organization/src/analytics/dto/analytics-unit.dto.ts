import { ApiProperty } from '@nestjs/swagger';
import { UNIT_KIND_DISPLAY, UNIT_KINDS, UnitKind } from '../../units/unit-kind';
import { AnalyticsUnit } from '../analytics-unit';

/** The unit a statistic is about. */
export class AnalyticsUnitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: UNIT_KINDS, example: 'street' })
  kind: UnitKind;

  @ApiProperty({ example: '街道' })
  displayKind: string;

  @ApiProperty({ example: '和平街道' })
  name: string;

  @ApiProperty({ example: '1.2.3' })
  path: string;

  static from(unit: AnalyticsUnit): AnalyticsUnitDto {
    const dto = new AnalyticsUnitDto();
    dto.id = unit.id;
    dto.kind = unit.kind;
    dto.displayKind = UNIT_KIND_DISPLAY[unit.kind];
    dto.name = unit.name;
    dto.path = unit.path;
    return dto;
  }
}
