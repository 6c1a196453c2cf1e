import { Module } from '@nestjs/common';
import { PointsAccountsModule } from '../accounts/points-accounts.module';
import { PointsLedgerModule } from '../ledger/points-ledger.module';
import { AdjustPointsUseCase } from './usecases/adjust-points.usecase';
import { BulkAdjustPointsUseCase } from './usecases/bulk-adjust-points.usecase';

/** Domain face of manual adjustments. */
@Module({
  imports: [PointsLedgerModule, PointsAccountsModule],
  providers: [AdjustPointsUseCase, BulkAdjustPointsUseCase],
  exports: [AdjustPointsUseCase, BulkAdjustPointsUseCase],
})
export class PointsAdjustmentsModule {}
