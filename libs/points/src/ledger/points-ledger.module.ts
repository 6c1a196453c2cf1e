import { Module } from '@nestjs/common';
import { PointsNotifier } from '../notifications/points-notifier';
import { PointsConsistency } from './points-consistency.service';
import { PointsExpiry } from './points-expiry.service';
import { PointsLedger } from './points-ledger.service';

/** Domain face of the ledger: balances, entries and lots, their expiry and their proof. */
@Module({
  providers: [PointsLedger, PointsNotifier, PointsExpiry, PointsConsistency],
  exports: [PointsLedger, PointsNotifier, PointsExpiry, PointsConsistency],
})
export class PointsLedgerModule {}
