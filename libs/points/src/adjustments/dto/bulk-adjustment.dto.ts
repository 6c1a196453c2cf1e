import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, ValidateNested } from 'class-validator';
import { AccountKind } from '../../ledger/points-owner';
import { AdjustmentFields } from './adjustment-fields';
import { AdjustmentOwnerDto } from './adjustment-owner.dto';

export const MAX_BULK_OWNERS = 500;

/** `POST /points/adjustments/bulk`: one reason, one amount, many owners; all or nothing. */
export class BulkAdjustmentDto {
  @ApiProperty({ type: [AdjustmentOwnerDto], minItems: 1, maxItems: MAX_BULK_OWNERS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_OWNERS)
  @ArrayUnique((owner: AdjustmentOwnerDto) => `${owner?.ownerType}:${owner?.ownerId}`, {
    message: 'owners must not list an owner twice',
  })
  @ValidateNested({ each: true })
  @Type(() => AdjustmentOwnerDto)
  owners: AdjustmentOwnerDto[];

  @AdjustmentFields.accountKind()
  accountKind: AccountKind;

  @AdjustmentFields.amount()
  amount: number;

  @AdjustmentFields.reason()
  reason: string;

  @AdjustmentFields.idempotencyKey()
  idempotencyKey?: string;
}
