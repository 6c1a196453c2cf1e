import { AccountKind } from '../../ledger/points-owner';
import { AdjustmentFields } from './adjustment-fields';
import { AdjustmentOwnerDto } from './adjustment-owner.dto';

/** `POST /points/adjustments`: award or deduct points by hand, with a reason. */
export class CreateAdjustmentDto extends AdjustmentOwnerDto {
  @AdjustmentFields.accountKind()
  accountKind: AccountKind;

  @AdjustmentFields.amount()
  amount: number;

  @AdjustmentFields.reason()
  reason: string;

  @AdjustmentFields.idempotencyKey()
  idempotencyKey?: string;
}
