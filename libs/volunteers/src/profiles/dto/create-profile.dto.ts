import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { SKILL_CODE_PATTERN } from '../volunteer-skills';
import { AVAILABILITY_SLOTS, AvailabilitySlot } from '../volunteer-stage';

export class CreateProfileDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Whom to register (staff with volunteers.manage where the person resides). Omit to register yourself (the person your account acts for).',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiProperty({
    format: 'uuid',
    description:
      'Home unit (usually the building or complex where the volunteer lives); staff: within your volunteers.manage scope',
  })
  @IsUUID()
  unitId: string;

  @ApiProperty({
    type: [String],
    example: ['electrical', 'elderly_care'],
    description: 'Skill codes of the taxonomy (GET /volunteers/skills)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(SKILL_CODE_PATTERN, { each: true })
  skills: string[];

  @ApiProperty({ enum: AVAILABILITY_SLOTS, isArray: true, example: ['weekend_daytime'] })
  @IsArray()
  @ArrayUnique()
  @IsIn(AVAILABILITY_SLOTS, { each: true })
  availability: AvailabilitySlot[];

  @ApiPropertyOptional({ maxLength: 500, example: '退休电工，周末有空' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  bio?: string;
}
