import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';

export const CATEGORY_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export class CreateCaseCategoryDto {
  @ApiProperty({ example: 'hazard.fire', description: 'Stable code: letters, digits, `_`, `.`, `-`' })
  @Matches(CATEGORY_CODE, { message: 'code must be letters, digits, _, . or - (at most 64)' })
  code: string;

  @ApiProperty({ example: '消防隐患' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'hazard', description: 'The parent category in the tree' })
  @IsOptional()
  @Matches(CATEGORY_CODE)
  parentCode?: string;

  @ApiProperty({ example: 2, description: 'Response limit in hours from the report' })
  @IsInt()
  @Min(1)
  responseHours: number;

  @ApiPropertyOptional({ example: 5, description: 'Resolution limit in working days from registration (立案)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  resolveWorkingDays?: number;

  @ApiPropertyOptional({
    example: 24,
    description: 'Resolution limit in hours: for urgent cases, or for the category when it has no working-day limit',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  resolveHours?: number;
}

export class CaseCategoryDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  parentCode: string | null;

  @ApiProperty()
  responseHours: number;

  @ApiProperty({ type: Number, nullable: true })
  resolveWorkingDays: number | null;

  @ApiProperty({ type: Number, nullable: true })
  resolveHours: number | null;
}

export class CaseCategoryListDto {
  @ApiProperty({ type: [CaseCategoryDto], description: 'Every category, by code' })
  items: CaseCategoryDto[];
}
