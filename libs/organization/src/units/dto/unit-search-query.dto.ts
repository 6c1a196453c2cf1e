import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { UNIT_KINDS, UnitKind } from '../unit-kind';

/** `GET /units/search`: by name or code, within your scope. */
export class UnitSearchQueryDto extends PageQueryDto {
  @ApiProperty({ example: '幸福里', description: 'Part of the name or of the code (case-insensitive)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS, description: 'Only units of this kind' })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;
}
