import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsMainlandMobile, IsResidentIdNumber } from '../person-fields';

/** `GET /people/lookup`: exactly one of `phone` and `idNumber` (400 `validation.failed` otherwise). */
export class PeopleLookupQueryDto {
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
