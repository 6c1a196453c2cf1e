import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class CheckInDto {
  @ApiProperty({ example: '042817', description: 'The six-digit code shown at the venue (it rotates every 2 minutes)' })
  @IsString()
  @MaxLength(16)
  code: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Omit for yourself; staff with volunteers.manage may check in others',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'Where you are (required when the activity has a radius)' })
  @IsOptional()
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng?: number;
}
