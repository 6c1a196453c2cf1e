import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
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

export class CreatePersonDto {
  @ApiProperty({ example: '王芳', maxLength: PERSON_NAME_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(PERSON_NAME_MAX_LENGTH)
  name: string;

  @ApiPropertyOptional({
    example: '13812345678',
    description:
      'Mainland mobile 1[3-9] + 9 digits; spaces, dashes and +86 are accepted. Stored encrypted, shown masked.',
  })
  @IsOptional()
  @IsMainlandMobile()
  phone?: string;

  @ApiPropertyOptional({
    example: '11010519491231002X',
    description: '18-character resident ID number (GB 11643 check character). Stored encrypted, shown masked; unique.',
  })
  @IsOptional()
  @IsResidentIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ format: 'date', example: '1949-12-31' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  @ApiProperty({
    format: 'uuid',
    description:
      'Where the person lives, as precise as known: a building, complex, grid or community (needs people.manage there)',
  })
  @IsUUID()
  residenceUnitId: string;

  @ApiPropertyOptional({
    example: '3-502',
    maxLength: HOUSEHOLD_CODE_MAX_LENGTH,
    description:
      'The household (户号, a room or door number) within the residence unit: people of one unit with the same code form one household; without one the person is a household of their own',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(HOUSEHOLD_CODE_MAX_LENGTH)
  householdCode?: string;

  @ApiPropertyOptional({
    example: 'LX-2024-000123',
    maxLength: EXTERNAL_ID_MAX_LENGTH,
    description: "The district office's own id (the key of imports); unique",
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(EXTERNAL_ID_MAX_LENGTH)
  externalId?: string;
}
