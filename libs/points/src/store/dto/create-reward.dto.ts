import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, Length, Max, Min, ValidateIf } from 'class-validator';
import { LIMIT_PERIODS, LimitPeriod } from '../store-records';

/** `POST /points/stores/:unitId/rewards`: a reward the unit's store offers. */
export class CreateRewardDto {
  @ApiProperty({ example: '洗衣液（2kg）', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ description: 'Points per item', example: 20, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  cost: number;

  @ApiProperty({ example: 50, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  stock: number;

  @ApiPropertyOptional({ description: 'Items one owner may redeem per limitPeriod', example: 2, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  perPersonLimit?: number;

  @ApiPropertyOptional({
    enum: LIMIT_PERIODS,
    description: 'Required with perPersonLimit (business calendar, Asia/Shanghai)',
  })
  @ValidateIf((dto: CreateRewardDto) => dto.perPersonLimit !== undefined || dto.limitPeriod !== undefined)
  @IsIn(LIMIT_PERIODS)
  limitPeriod?: LimitPeriod;

  @ApiPropertyOptional({ example: 'https://img.example.cn/rewards/detergent.jpg' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  imageUrl?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  activeFrom?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  activeTo?: string;
}
