import { Module } from '@nestjs/common';
import { PointsLedgerJobsModule } from './ledger/points-ledger-jobs.module';
import { PointRulesJobsModule } from './rules/point-rules-jobs.module';

/** The points jobs face (mounted by the scheduler): the rules subscriber and the ledger's daily jobs. */
@Module({ imports: [PointRulesJobsModule, PointsLedgerJobsModule] })
export class PointsJobsModule {}
