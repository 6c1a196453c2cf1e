import { Module } from '@nestjs/common';
import { PointsAccountsModule } from '../accounts/points-accounts.module';
import { PointsLedgerModule } from '../ledger/points-ledger.module';
import { RedemptionAccess } from './redemption-access.service';
import { RedemptionExpiry } from './redemption-expiry.service';
import { RedemptionRefunds } from './redemption-refunds.service';
import { RedemptionsQuery } from './redemptions-query.service';
import { RewardsService } from './rewards.service';
import { CancelRedemptionUseCase } from './usecases/cancel-redemption/cancel-redemption.usecase';
import { FulfilRedemptionUseCase } from './usecases/fulfil-redemption/fulfil-redemption.usecase';
import { RedeemRewardUseCase } from './usecases/redeem-reward/redeem-reward.usecase';

const PROVIDERS = [RewardsService, RedemptionAccess, RedemptionRefunds, RedemptionExpiry, RedemptionsQuery, RedeemRewardUseCase, FulfilRedemptionUseCase, CancelRedemptionUseCase];

/** Domain face of the exchange store (积分兑换超市): rewards and redemptions. */
@Module({ imports: [PointsLedgerModule, PointsAccountsModule], providers: PROVIDERS, exports: PROVIDERS })
export class PointsStoreModule {}
