import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

/** `POST …/shifts/:shiftId/verify`. */
export class VerifyShiftDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Default: everyone checked out and not yet verified',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  personIds?: string[];

  @ApiPropertyOptional({
    example: 3,
    description: 'Overrides the computed hours for everyone verified by this call (quarter hours, 0–24); needs reason',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(24)
  hours?: number;

  @ApiPropertyOptional({ example: '签退时手机没电，按值班表核定', description: 'Required with hours; audited' })
  @ValidateIf((dto: VerifyShiftDto) => dto.hours !== undefined || dto.reason !== undefined)
  @IsString()
  @Length(1, 500)
  reason?: string;
}
