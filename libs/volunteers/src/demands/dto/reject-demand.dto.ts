import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RejectDemandDto {
  @ApiProperty({ example: '水龙头还在漏水' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
