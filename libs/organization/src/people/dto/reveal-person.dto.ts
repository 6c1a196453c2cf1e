import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { trim } from '../../units/dto/unit-fields';

export class RevealPersonDto {
  @ApiPropertyOptional({
    example: '入户走访核实联系方式',
    maxLength: 200,
    description: 'Why the full data is needed; kept in the audit entry',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason?: string;
}
