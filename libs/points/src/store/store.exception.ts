import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the exchange store. Never renamed once released. */
export enum StoreCode {
  OutOfStock = 'points.out-of-stock',
  LimitReached = 'points.limit-reached',
  RewardInactive = 'points.reward-inactive',
  WrongPickupCode = 'points.wrong-pickup-code',
  RedemptionClosed = 'points.redemption-closed',
}

const CATALOGUE: Record<StoreCode, ProblemDefinition> = {
  [StoreCode.OutOfStock]: { status: 409, title: 'Reward out of stock', detail: '该奖品库存不足' },
  [StoreCode.LimitReached]: { status: 409, title: 'Per-person limit reached', detail: '已达到该奖品的每人兑换上限' },
  [StoreCode.RewardInactive]: { status: 409, title: 'Reward not on offer', detail: '该奖品当前不在兑换期内' },
  [StoreCode.WrongPickupCode]: { status: 409, title: 'Wrong pickup code', detail: '取货码不正确' },
  [StoreCode.RedemptionClosed]: { status: 409, title: 'Redemption already closed', detail: '该兑换已领取或已取消' },
};

export class StoreException extends ProblemException {
  constructor(code: StoreCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
