import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_KINDS, AccountKind, OWNER_TYPES, OwnerType } from '../../ledger/points-owner';

/** One adjustment as written (or as first written, for a repeated idempotency key). */
export class AdjustmentDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty({ enum: OWNER_TYPES })
  ownerType: OwnerType;

  @ApiProperty({ format: 'uuid' })
  ownerId: string;

  @ApiProperty({ enum: ACCOUNT_KINDS })
  accountKind: AccountKind;

  @ApiProperty({ example: 10 })
  amount: number;

  @ApiProperty({ example: 130 })
  balanceAfter: number;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({
    description: 'The idempotency key had been used before: nothing changed now, this is the first result',
  })
  replayed: boolean;
}
