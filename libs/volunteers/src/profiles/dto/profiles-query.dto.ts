import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { SKILL_CODE_PATTERN } from '../volunteer-skills';
import { AVAILABILITY_SLOTS, AvailabilitySlot, VOLUNTEER_STAGES, VolunteerStage } from '../volunteer-stage';

export class ProfilesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only volunteers whose home unit is this unit or below it (404 when outside your scope)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ example: 'electrical', description: 'Only volunteers with this skill' })
  @IsOptional()
  @Matches(SKILL_CODE_PATTERN)
  skill?: string;

  @ApiPropertyOptional({ enum: VOLUNTEER_STAGES })
  @IsOptional()
  @IsIn(VOLUNTEER_STAGES)
  stage?: VolunteerStage;

  @ApiPropertyOptional({ enum: AVAILABILITY_SLOTS, description: 'Only volunteers free in this slot' })
  @IsOptional()
  @IsIn(AVAILABILITY_SLOTS)
  availability?: AvailabilitySlot;

  @ApiPropertyOptional({ example: '王', description: 'Name prefix' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  q?: string;
}
