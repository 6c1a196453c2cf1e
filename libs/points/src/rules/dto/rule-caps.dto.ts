import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** At most this many points per owner from the rule in a day / month / year of the business calendar. */
export class RuleCapsDto {
  @ApiPropertyOptional({ minimum: 1, example: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  day?: number;

  @ApiPropertyOptional({ minimum: 1, example: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  month?: number;

  @ApiPropertyOptional({ minimum: 1, example: 1000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  year?: number;
}
