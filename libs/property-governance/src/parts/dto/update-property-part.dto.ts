import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AREA_SOURCES, AreaSource, PART_STATUSES, PartStatus } from '../../decisions/electorate-counting';

export class UpdatePropertyPartDto {
  @ApiPropertyOptional({ example: '90.12', oneOf: [{ type: 'number' }, { type: 'string' }] })
  @IsOptional()
  areaM2?: number | string;

  @ApiPropertyOptional({ enum: AREA_SOURCES })
  @IsOptional()
  @IsIn(AREA_SOURCES)
  areaSource?: AreaSource;

  @ApiPropertyOptional({ enum: PART_STATUSES })
  @IsOptional()
  @IsIn(PART_STATUSES)
  status?: PartStatus;
}
