import { Module } from '@nestjs/common';
import { PointsAccountsModule } from './accounts/points-accounts.module';
import { PointsAdjustmentsModule } from './adjustments/points-adjustments.module';
import { PointsLedgerModule } from './ledger/points-ledger.module';
import { PointRulesModule } from './rules/point-rules.module';
import { PointsStoreModule } from './store/points-store.module';

/** The points domain face: the ledger, rules, account views and adjustments, in every app that enables the module. */
@Module({
  imports: [PointsLedgerModule, PointRulesModule, PointsAccountsModule, PointsAdjustmentsModule, PointsStoreModule],
  exports: [PointsLedgerModule, PointRulesModule, PointsAccountsModule, PointsAdjustmentsModule, PointsStoreModule],
})
export class PointsModule {}
