import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class VerifyAttendanceDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Default: everyone checked out and not yet verified',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  personIds?: string[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 24,
    description: 'Overrides the computed hours for everyone verified by this call (reason required)',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(24)
  hours?: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'Required with hours' })
  @ValidateIf((o: VerifyAttendanceDto) => o.hours !== undefined || o.reason !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}
