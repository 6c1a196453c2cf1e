import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';

export class ApproveHourRequestDto {
  @ApiPropertyOptional({ minimum: 0.25, maximum: 24, description: 'Hours recognised, if not those requested' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(24)
  hours?: number;
}
