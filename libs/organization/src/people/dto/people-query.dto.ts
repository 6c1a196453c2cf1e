import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { IsMainlandMobile, IsResidentIdNumber } from '../person-fields';

export class PeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only people residing in this unit or below it (404 when outside your scope)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ example: '王', description: 'Start of the name' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    example: '13812345678',
    description: 'Exact phone (matched through its keyed hash; the stored value stays encrypted)',
  })
  @IsOptional()
  @IsMainlandMobile()
  phone?: string;

  @ApiPropertyOptional({
    example: '11010519491231002X',
    description: 'Exact ID number (matched through its keyed hash)',
  })
  @IsOptional()
  @IsResidentIdNumber()
  idNumber?: string;
}
