import { Module } from '@nestjs/common';
import { PointsLedgerJobs } from './points-ledger.jobs';
import { PointsLedgerModule } from './points-ledger.module';

/** The ledger's daily schedules (expiry, consistency check); mounted by the scheduler. */
@Module({ imports: [PointsLedgerModule], providers: [PointsLedgerJobs] })
export class PointsLedgerJobsModule {}
