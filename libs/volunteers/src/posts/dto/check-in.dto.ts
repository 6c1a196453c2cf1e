import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** `POST …/shifts/:shiftId/check-in` and `/check-out`. */
export class ShiftCheckInDto {
  @ApiProperty({ example: '482913', description: 'The code shown at the venue' })
  @IsString()
  @Length(1, 16)
  code: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Omit for yourself; staff with volunteers.manage may record it for a person in their scope',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({
    example: 39.9075,
    description: 'Where the check-in happens; required when the post has a radius',
  })
  @IsOptional()
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 116.39723 })
  @IsOptional()
  @IsLongitude()
  lng?: number;
}

export class ShiftCheckInCodeDto {
  @ApiProperty({ example: '482913' }) code: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When the next code replaces it (the previous one is still accepted a little longer)',
  })
  validUntil: string;
}
