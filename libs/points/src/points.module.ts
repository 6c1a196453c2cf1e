import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PointsAccountsModule } from './accounts/points-accounts.module';
import { PointsAdjustmentsModule } from './adjustments/points-adjustments.module';
import { PointsLedgerModule } from './ledger/points-ledger.module';
import { PointsReferences } from './points-references';
import { PointRulesModule } from './rules/point-rules.module';
import { PointsStoreModule } from './store/points-store.module';
import { PointsPersonalData } from './personal-data/points-personal-data';

/**
 * The points domain face: the ledger, rules, account views and adjustments, in every app that enables
 * the module; registers points' reference kinds (`reward`, `redemption`, `campaign`, `rule`).
 */
@Module({
  imports: [
    OrganizationDirectoryModule,
    PointsLedgerModule,
    PointRulesModule,
    PointsAccountsModule,
    PointsAdjustmentsModule,
    PointsStoreModule,
  ],
  providers: [PointsReferences, PointsPersonalData],
  exports: [PointsLedgerModule, PointRulesModule, PointsAccountsModule, PointsAdjustmentsModule, PointsStoreModule],
})
export class PointsModule {}
