import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MAX_COUNT, trim, UNIT_CODE_MAX_LENGTH, UNIT_CODE_PATTERN, UNIT_NAME_MAX_LENGTH } from './unit-fields';

/** Absent fields stay as they are; `code: null` and `areaM2: null` clear them. Kind and parent change only by a move. */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: '幸福里小区', maxLength: UNIT_NAME_MAX_LENGTH })
  @ValidateIf((dto: UpdateUnitDto) => dto.name !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(UNIT_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '370102001001', maxLength: UNIT_CODE_MAX_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(UNIT_CODE_MAX_LENGTH)
  @Matches(UNIT_CODE_PATTERN, { message: 'code may hold letters, digits and . _ -' })
  code?: string | null;

  @ApiPropertyOptional({ minimum: 0 })
  @ValidateIf((dto: UpdateUnitDto) => dto.residents !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  residents?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @ValidateIf((dto: UpdateUnitDto) => dto.households !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  households?: number;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999_999_999_999)
  areaM2?: number | null;
}
