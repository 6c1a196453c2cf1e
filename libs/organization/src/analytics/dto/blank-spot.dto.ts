import { ApiProperty } from '@nestjs/swagger';
import { UnitKind } from '../../units/unit-kind';

/** A complex or building where the party organization does not (fully) reach. */
export class BlankSpotDto {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ enum: ['complex', 'building'] })
  kind: Extract<UnitKind, 'complex' | 'building'>;

  @ApiProperty({ example: '小区' })
  displayKind: string;

  @ApiProperty({ example: '幸福里小区' })
  name: string;

  @ApiProperty({ example: '1.2.3.5.9' })
  path: string;

  @ApiProperty({
    description: 'A complex covered only by joint branches (it should get its own branch); false for uncovered units',
  })
  jointBranchOnly: boolean;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  communityId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '春晖社区' })
  communityName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null when the unit is not under a grid' })
  gridId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '第2网格' })
  gridName: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '幸福里小区',
    description: 'For a building: its complex (null for lanes and courtyards directly under a grid)',
  })
  complexName: string | null;
}

export class BlankSpotPageDto {
  @ApiProperty({ type: [BlankSpotDto] })
  items: BlankSpotDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
