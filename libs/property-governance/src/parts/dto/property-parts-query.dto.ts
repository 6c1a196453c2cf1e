import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@linli/platform';
import { IsOptional, IsString, Length } from 'class-validator';

export class PropertyPartsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '1栋' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  building?: string;
}
