import { Module } from '@nestjs/common';
import { PointsNotifier } from '../notifications/points-notifier';
import { AccountLocks } from './account-locks';
import { LedgerCredits } from './ledger-credits';
import { LedgerDebits } from './ledger-debits';
import { LedgerDraws } from './ledger-draws';
import { LedgerReversals } from './ledger-reversals';
import { LotExpiries } from './lot-expiries';
import { PendingPoints } from './pending-points';
import { PointsConsistency } from './points-consistency.service';
import { PointsExpiry } from './points-expiry.service';
import { PointsLedger } from './points-ledger.service';

/** Domain face of the ledger: balances, entries and lots, their expiry and their proof. */
@Module({
  providers: [
    AccountLocks,
    LedgerDraws,
    LedgerCredits,
    LedgerDebits,
    LedgerReversals,
    PendingPoints,
    LotExpiries,
    PointsLedger,
    PointsNotifier,
    PointsExpiry,
    PointsConsistency,
  ],
  exports: [PointsLedger, PointsNotifier, PointsExpiry, PointsConsistency],
})
export class PointsLedgerModule {}
