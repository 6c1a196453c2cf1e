import { ApiProperty } from '@nestjs/swagger';
import { UNIT_KIND_DISPLAY, UNIT_KINDS, UnitKind } from '../../units/unit-kind';

export class UnitKindCountDto {
  @ApiProperty({ enum: UNIT_KINDS, example: 'complex' })
  kind: UnitKind;

  @ApiProperty({ example: '小区' })
  displayKind: string;

  @ApiProperty({ example: 640 })
  count: number;

  static of(kind: UnitKind, count: number): UnitKindCountDto {
    const dto = new UnitKindCountDto();
    dto.kind = kind;
    dto.displayKind = UNIT_KIND_DISPLAY[kind];
    dto.count = count;
    return dto;
  }
}
