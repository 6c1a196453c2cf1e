import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { OWNER_TYPES, OwnerType } from '../../ledger/points-owner';

/** `POST /points/redemptions`: reserve a reward for an owner's redeemable points. */
export class RedeemRewardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  rewardId: string;

  @ApiProperty({ minimum: 1, maximum: 100, example: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  quantity: number;

  @ApiProperty({ enum: OWNER_TYPES })
  @IsIn(OWNER_TYPES)
  ownerType: OwnerType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerId: string;

  @ApiProperty({ description: 'The same key again answers the first redemption', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  idempotencyKey: string;
}
