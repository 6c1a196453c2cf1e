import { Module } from '@nestjs/common';
import { ConsistencyCheckJob } from './consistency-check.job';
import { ExpireLotsJob } from './expire-lots.job';
import { PointsLedgerModule } from './points-ledger.module';

/** The ledger's daily schedules (expiry, consistency check); mounted by the scheduler. */
@Module({ imports: [PointsLedgerModule], providers: [ExpireLotsJob, ConsistencyCheckJob] })
export class PointsLedgerJobsModule {}
