import { ApiProperty } from '@nestjs/swagger';
import { UNIT_KIND_DISPLAY, UNIT_KINDS, UnitKind } from '../unit-kind';
import { UnitEntity } from '../unit.entity';

/** A governance unit as the api shows it. */
export class UnitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: UNIT_KINDS, example: 'complex' })
  kind: UnitKind;

  @ApiProperty({ example: '小区', description: 'Chinese name of the kind' })
  displayKind: string;

  @ApiProperty({ example: '幸福里小区' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '370102001001' })
  code: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for a city' })
  parentId: string | null;

  @ApiProperty({
    example: '1.2.3.5.9',
    description: 'Materialized path of `seq` labels from the root; changes when the unit or an ancestor moves',
  })
  path: string;

  @ApiProperty({ example: 4, description: '0 for a city' })
  depth: number;

  @ApiProperty({ example: 3200, description: '常住人口' })
  residents: number;

  @ApiProperty({ example: 1100 })
  households: number;

  @ApiProperty({ nullable: true, type: Number, example: 52000.5, description: 'Area in square metres' })
  areaM2: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static from(unit: UnitEntity): UnitDto {
    const dto = new UnitDto();
    dto.id = unit.id;
    dto.kind = unit.kind;
    dto.displayKind = UNIT_KIND_DISPLAY[unit.kind];
    dto.name = unit.name;
    dto.code = unit.code;
    dto.parentId = unit.parentId;
    dto.path = unit.path;
    dto.depth = unit.depth;
    dto.residents = unit.residents;
    dto.households = unit.households;
    dto.areaM2 = unit.areaM2 === null ? null : Number(unit.areaM2);
    dto.createdAt = unit.createdAt.toISOString();
    dto.updatedAt = unit.updatedAt.toISOString();
    return dto;
  }
}
