import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The venue (WGS-84 degrees). */
export class ActivityLocationDto {
  @ApiProperty({ example: 39.9075, minimum: -90, maximum: 90 })
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ example: 116.39723, minimum: -180, maximum: 180 })
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng: number;

  @ApiPropertyOptional({ maxLength: 200, example: '幸福里小区党群服务站' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;
}
