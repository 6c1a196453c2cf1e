import { Module } from '@nestjs/common';
import { PointsStoreModule } from './points-store.module';
import { RedemptionsController } from './redemptions.controller';
import { RewardAdminController } from './reward-admin.controller';
import { RewardsController } from './rewards.controller';

/** HTTP face of the exchange store; mounted by the api. */
@Module({
  imports: [PointsStoreModule],
  controllers: [RewardsController, RewardAdminController, RedemptionsController],
})
export class PointsStoreHttpModule {}
