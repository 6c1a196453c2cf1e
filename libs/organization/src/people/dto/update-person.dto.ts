import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { trim } from '../../units/dto/unit-fields';
import {
  EXTERNAL_ID_MAX_LENGTH,
  GENDERS,
  HOUSEHOLD_CODE_MAX_LENGTH,
  IsCalendarDate,
  IsMainlandMobile,
  IsResidentIdNumber,
  PERSON_NAME_MAX_LENGTH,
} from '../person-fields';
import { Gender } from '../person.entity';

/** Absent fields stay as they are; `null` clears an optional one. */
export class UpdatePersonDto {
  @ApiPropertyOptional({ example: '王芳', maxLength: PERSON_NAME_MAX_LENGTH })
  @ValidateIf((dto: UpdatePersonDto) => dto.name !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PERSON_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '13812345678' })
  @IsOptional()
  @IsMainlandMobile()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '11010519491231002X' })
  @IsOptional()
  @IsResidentIdNumber()
  idNumber?: string | null;

  @ApiPropertyOptional({ enum: GENDERS, nullable: true })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Moves the person (and their party membership record) to another residence unit in your scope',
  })
  @ValidateIf((dto: UpdatePersonDto) => dto.residenceUnitId !== undefined)
  @IsUUID()
  residenceUnitId?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '3-502',
    maxLength: HOUSEHOLD_CODE_MAX_LENGTH,
    description: 'The household (户号) within the residence unit; null: a household of their own',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(HOUSEHOLD_CODE_MAX_LENGTH)
  householdCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: EXTERNAL_ID_MAX_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(EXTERNAL_ID_MAX_LENGTH)
  externalId?: string | null;
}
