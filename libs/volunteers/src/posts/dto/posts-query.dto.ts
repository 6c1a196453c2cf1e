import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { SKILL_CODE_PATTERN } from '../../profiles/volunteer-skills';

/** `GET /volunteers/posts`: newest first. */
export class PostsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only posts at this unit or below it (404 when you cannot see that unit)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only posts with a shift not yet started that has a slot left',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ example: 'elderly_care', description: 'Only posts requiring this skill' })
  @IsOptional()
  @Matches(SKILL_CODE_PATTERN)
  skill?: string;
}
