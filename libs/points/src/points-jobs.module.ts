import { Module } from '@nestjs/common';
import { PointsAssessmentJobsModule } from './assessment/points-assessment-jobs.module';
import { PointsLedgerJobsModule } from './ledger/points-ledger-jobs.module';
import { PointRulesJobsModule } from './rules/point-rules-jobs.module';
import { PointsStoreJobsModule } from './store/points-store-jobs.module';

/** The points jobs face (mounted by the scheduler): the rules subscriber and the ledger's daily jobs. */
@Module({ imports: [PointRulesJobsModule, PointsLedgerJobsModule, PointsAssessmentJobsModule, PointsStoreJobsModule] })
export class PointsJobsModule {}
