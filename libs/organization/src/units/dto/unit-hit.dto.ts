import { ApiProperty } from '@nestjs/swagger';
import { UnitEntity } from '../unit.entity';
import { UnitDto } from './unit.dto';

/** A unit found by a search, placed in the tree for the reader. */
export class UnitHitDto extends UnitDto {
  @ApiProperty({
    example: 2,
    description:
      'Levels below the nearest unit you hold the permission at (0: that unit itself); results are ranked by it',
  })
  distance: number;

  @ApiProperty({
    type: [String],
    example: ['历下区', '姚家街道'],
    description: 'Names of its ancestors within your scope, from the top down to its parent (a breadcrumb)',
  })
  trail: string[];

  static hit(unit: UnitEntity, distance: number, trail: string[]): UnitHitDto {
    return Object.assign(new UnitHitDto(), UnitDto.from(unit), { distance, trail });
  }
}

export class UnitHitPageDto {
  @ApiProperty({ type: [UnitHitDto] })
  items: UnitHitDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
