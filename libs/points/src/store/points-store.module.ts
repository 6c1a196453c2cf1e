import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PointsAccountsModule } from '../accounts/points-accounts.module';
import { PointsLedgerModule } from '../ledger/points-ledger.module';
import { RedemptionAccess } from './redemption-access.service';
import { RedemptionExpiry } from './redemption-expiry.service';
import { RedemptionRefunds } from './redemption-refunds.service';
import { RedemptionsQuery } from './redemptions-query.service';
import { RewardsService } from './rewards.service';
import { StoreRepository } from './store.repository';
import { CancelRedemptionUseCase } from './usecases/cancel-redemption.usecase';
import { FulfilRedemptionUseCase } from './usecases/fulfil-redemption.usecase';
import { RedeemRewardUseCase } from './usecases/redeem-reward.usecase';

const PROVIDERS = [
  StoreRepository,
  RewardsService,
  RedemptionAccess,
  RedemptionRefunds,
  RedemptionExpiry,
  RedemptionsQuery,
  RedeemRewardUseCase,
  FulfilRedemptionUseCase,
  CancelRedemptionUseCase,
];

/** Domain face of the exchange store (积分兑换超市): rewards and redemptions. */
@Module({
  imports: [PointsLedgerModule, PointsAccountsModule, OrganizationDirectoryModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class PointsStoreModule {}
