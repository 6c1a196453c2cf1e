import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OWNER_TYPES, OwnerType } from '../../ledger/points-owner';
import { REDEMPTION_STATUSES, RedemptionRow, RedemptionStatus } from '../store-records';

export class RedemptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REDEMPTION_STATUSES }) status: RedemptionStatus;
  @ApiPropertyOptional({
    description:
      'Shown to the owner only (the person, or the current secretary of an organization owner) while reserved; null otherwise. Store staff never see it: they enter the code the owner shows.',
    nullable: true,
    type: String,
  })
  pickupCode: string | null;
  @ApiProperty({ format: 'uuid' }) rewardId: string;
  @ApiProperty({ example: '洗衣液（2kg）' }) rewardName: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'Points debited (cost × quantity)' }) points: number;
  @ApiProperty({ enum: OWNER_TYPES }) ownerType: OwnerType;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({ format: 'date-time' }) reservedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;

  /** `showCode`: the viewer owns the redemption (see `RedemptionAccess.owns`). */
  static from(row: RedemptionRow, showCode: boolean): RedemptionDto {
    return {
      id: row.id,
      status: row.status,
      pickupCode: showCode && row.status === 'reserved' ? row.pickup_code : null,
      rewardId: row.reward_id,
      rewardName: row.reward_name,
      quantity: Number(row.quantity),
      points: Number(row.points),
      ownerType: row.owner_type,
      ownerId: row.owner_id,
      reservedAt: new Date(row.reserved_at).toISOString(),
      closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
    };
  }
}
