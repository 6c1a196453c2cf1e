import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';

export class RepresentativesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Mandates at this unit or below it' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: ended mandates too' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeEnded?: boolean;
}
