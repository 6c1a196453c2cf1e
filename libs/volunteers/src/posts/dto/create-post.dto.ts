import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SKILL_CODE_PATTERN } from '../../profiles/volunteer-skills';
import { PostLocationDto } from './post-location.dto';
import { ShiftInputDto } from './shift-input.dto';

export const MAX_SHIFTS_PER_REQUEST = 100;

/** `POST /volunteers/posts`: a service post at a community or below, with its first shifts. */
export class CreatePostDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A community, or a grid, complex or building below it, in your volunteers.manage scope',
  })
  @IsUUID()
  unitId: string;

  @ApiProperty({ example: '党群服务中心值班岗', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ example: '接待来访居民，协助办理证明材料', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({
    example: '便民服务',
    maxLength: 48,
    description: 'Free text the community groups its posts by',
  })
  @IsOptional()
  @IsString()
  @Length(1, 48)
  category?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['elderly_care'],
    description: 'Skill codes of the taxonomy (400 volunteers.unknown-skill otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(SKILL_CODE_PATTERN, { each: true })
  requiredSkills?: string[];

  @ApiProperty({ example: 3, minimum: 1, maximum: 1000, description: 'Slots of every shift' })
  @IsInt()
  @Min(1)
  @Max(1000)
  slotsPerShift: number;

  @ApiProperty({ type: [ShiftInputDto], description: `Up to ${MAX_SHIFTS_PER_REQUEST}; more can be added later` })
  @IsArray()
  @ArrayMaxSize(MAX_SHIFTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => ShiftInputDto)
  shifts: ShiftInputDto[];

  @ApiPropertyOptional({ type: PostLocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostLocationDto)
  location?: PostLocationDto;

  @ApiPropertyOptional({
    example: 300,
    description: 'Check-ins must come from within this distance of the location (metres); needs location',
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(10_000)
  radiusM?: number;
}
