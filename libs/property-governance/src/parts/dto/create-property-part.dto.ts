import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { AREA_SOURCES, AreaSource, PART_STATUSES, PartStatus } from '../../decisions/electorate-counting';

export class CreatePropertyPartDto {
  @ApiProperty({ example: '1栋', maxLength: 64 })
  @IsString()
  @Length(1, 64)
  building!: string;

  @ApiProperty({ example: '101', maxLength: 64 })
  @IsString()
  @Length(1, 64)
  number!: string;

  @ApiProperty({
    example: '89.5',
    description: 'm², > 0, at most two decimals (a number or its text); else 400 property.part-area',
    oneOf: [{ type: 'number' }, { type: 'string' }],
  })
  @IsDefined()
  areaM2!: number | string;

  @ApiPropertyOptional({ enum: AREA_SOURCES, default: 'registered' })
  @IsOptional()
  @IsIn(AREA_SOURCES)
  areaSource?: AreaSource;

  @ApiProperty({ enum: PART_STATUSES })
  @IsIn(PART_STATUSES)
  status!: PartStatus;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Current owners (co-owners); none for an unsold part' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  ownerPersonIds!: string[];
}

export class BulkCreatePropertyPartsDto {
  @ApiProperty({ type: [CreatePropertyPartDto], maxItems: 5000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => CreatePropertyPartDto)
  parts!: CreatePropertyPartDto[];
}
