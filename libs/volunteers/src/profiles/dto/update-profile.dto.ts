import { ApiPropertyOptional } from '@nestjs/swagger';
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
  ValidateIf,
} from 'class-validator';
import { SKILL_CODE_PATTERN } from '../volunteer-skills';
import { AVAILABILITY_SLOTS, AvailabilitySlot } from '../volunteer-stage';

/** Absent fields stay as they are; `bio: null` clears it. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ type: [String], description: 'Replaces the skills (codes of the taxonomy)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(SKILL_CODE_PATTERN, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ enum: AVAILABILITY_SLOTS, isArray: true, description: 'Replaces the availability' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(AVAILABILITY_SLOTS, { each: true })
  availability?: AvailabilitySlot[];

  @ApiPropertyOptional({ format: 'uuid', description: 'New home unit; staff: within your volunteers.manage scope' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(500)
  bio?: string | null;
}
