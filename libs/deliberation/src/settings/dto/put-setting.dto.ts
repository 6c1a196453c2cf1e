import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { UNIT_KINDS } from '@linli/organization';

export class PutSettingDto {
  @ApiProperty({ description: 'The new value (within the setting’s min and max)' })
  @IsInt()
  value: number;

  @ApiPropertyOptional({ enum: ['*', ...UNIT_KINDS], default: '*', description: 'For one unit kind only' })
  @IsOptional()
  @IsIn(['*', ...UNIT_KINDS])
  unitKind?: string;
}

export class DeleteSettingQueryDto {
  @ApiPropertyOptional({ enum: ['*', ...UNIT_KINDS], default: '*' })
  @IsOptional()
  @IsIn(['*', ...UNIT_KINDS])
  unitKind?: string;
}
