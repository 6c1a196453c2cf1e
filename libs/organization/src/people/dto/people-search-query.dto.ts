import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@linli/platform';

/** `GET /people/search`: by part of the name, within your scope. */
export class PeopleSearchQueryDto extends PageQueryDto {
  @ApiProperty({ example: '芳', description: 'Part of the name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only people residing in this unit or below it, ranked by closeness to it (404 when outside your scope)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
