import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AREA_SOURCES, PART_STATUSES } from '../../decisions/electorate-counting';

export class PropertyPartOwnershipDto {
  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: '2026-12-02' })
  startedOn!: string;

  @ApiProperty({ nullable: true, type: String })
  endedOn!: string | null;
}

export class PropertyPartDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  complexId!: string;

  @ApiProperty()
  building!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty({ example: 89.5 })
  areaM2!: number;

  @ApiProperty({ enum: AREA_SOURCES })
  areaSource!: string;

  @ApiProperty({ enum: PART_STATUSES })
  status!: string;

  @ApiProperty({ type: [PropertyPartOwnershipDto], description: 'Current owners' })
  owners!: PropertyPartOwnershipDto[];

  @ApiPropertyOptional({ type: [PropertyPartOwnershipDto], description: 'Every ownership row (one part only)' })
  history?: PropertyPartOwnershipDto[];
}

export class PropertyPartPageDto {
  @ApiProperty({ type: [PropertyPartDto] })
  items!: PropertyPartDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export class PropertyPartsCreatedDto {
  @ApiProperty()
  created!: number;
}

export class PropertyElectorateHeadDto {
  @ApiProperty()
  key!: string;

  @ApiProperty()
  areaM2!: number;

  @ApiProperty()
  parts!: number;

  @ApiProperty()
  developer!: boolean;
}

export class PropertyElectorateDto {
  @ApiProperty({ description: 'Exclusive parts' })
  parts!: number;

  @ApiProperty({ description: 'Sum of the exclusive parts’ areas (m²)' })
  totalAreaM2!: number;

  @ApiProperty({ description: 'Heads (SPC interpretation art. 9)' })
  heads!: number;

  @ApiProperty({ description: 'Parts counted in the developer’s one head' })
  developerParts!: number;

  @ApiProperty({ type: [PropertyElectorateHeadDto], description: 'Each head (staff only)' })
  headsList!: PropertyElectorateHeadDto[];
}
