import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';

export class PropertyContractsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Contracts of this complex' })
  @IsOptional()
  @IsUUID()
  complexId?: string;
}

export class PropertyCompaniesQueryDto extends PageQueryDto {}
