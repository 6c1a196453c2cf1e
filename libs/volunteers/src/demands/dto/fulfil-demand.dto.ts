import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class FulfilDemandDto {
  @ApiPropertyOptional({ example: '已更换水龙头阀芯' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
