import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';

export class ConventionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "The versions of this unit's community's convention" })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
