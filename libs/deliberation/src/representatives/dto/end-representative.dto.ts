import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class EndRepresentativeDto {
  @ApiProperty({ maxLength: 200, example: '迁出本社区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason: string;
}
