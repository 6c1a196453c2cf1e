import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RejectHourRequestDto {
  @ApiProperty({ maxLength: 500, example: '无法核实服务情况，请补充证明材料' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
