import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMIT_PERIODS, LimitPeriod, RewardRow } from '../store-records';

export class RewardDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '洗衣液（2kg）' }) name: string;
  @ApiProperty() cost: number;
  @ApiProperty() stock: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) perPersonLimit: number | null;
  @ApiPropertyOptional({ nullable: true, enum: LIMIT_PERIODS }) limitPeriod: LimitPeriod | null;
  @ApiPropertyOptional({ nullable: true, type: String }) imageUrl: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) activeFrom: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) activeTo: string | null;

  static from(row: RewardRow): RewardDto {
    return {
      id: row.id,
      unitId: row.unit_id,
      name: row.name,
      cost: Number(row.cost),
      stock: Number(row.stock),
      perPersonLimit: row.per_person_limit === null ? null : Number(row.per_person_limit),
      limitPeriod: row.limit_period,
      imageUrl: row.image_url,
      activeFrom: row.active_from ? new Date(row.active_from).toISOString() : null,
      activeTo: row.active_to ? new Date(row.active_to).toISOString() : null,
    };
  }
}
