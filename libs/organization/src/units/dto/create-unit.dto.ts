import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { UNIT_KINDS, UnitKind } from '../unit-kind';
import { MAX_COUNT, trim, UNIT_CODE_MAX_LENGTH, UNIT_CODE_PATTERN, UNIT_NAME_MAX_LENGTH } from './unit-fields';

export class CreateUnitDto {
  @ApiProperty({ enum: UNIT_KINDS, example: 'complex' })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiProperty({ example: '幸福里小区', maxLength: UNIT_NAME_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(UNIT_NAME_MAX_LENGTH)
  name: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The parent unit; absent only for a city (the root). Its kind must be an allowed parent of `kind`.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    example: '370102001001',
    maxLength: UNIT_CODE_MAX_LENGTH,
    description: 'Administrative or office code; unique',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(UNIT_CODE_MAX_LENGTH)
  @Matches(UNIT_CODE_PATTERN, { message: 'code may hold letters, digits and . _ -' })
  code?: string;

  @ApiPropertyOptional({ minimum: 0, example: 3200, description: '常住人口' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  residents?: number;

  @ApiPropertyOptional({ minimum: 0, example: 1100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  households?: number;

  @ApiPropertyOptional({ minimum: 0, example: 52000.5, description: 'Area in square metres' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999_999_999_999)
  areaM2?: number;
}
