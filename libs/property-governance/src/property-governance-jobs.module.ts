import { Module } from '@nestjs/common';
import { PropertyPartsJobsModule } from './parts/parts-jobs.module';
import { PropertyDecisionsJobsModule } from './decisions/decisions-jobs.module';
import { PropertyCommitteesJobsModule } from './committees/committees-jobs.module';
import { PropertySeatsJobsModule } from './seats/seats-jobs.module';
import { PropertyCompaniesJobsModule } from './companies/companies-jobs.module';
import { PropertyEvaluationsJobsModule } from './evaluations/evaluations-jobs.module';
import { PropertyOverviewJobsModule } from './overview/overview-jobs.module';

/** The property-governance jobs face (mounted by the scheduler): closing decisions, committee deadlines, evaluation campaigns, overdue rectifications. */
@Module({
  imports: [
    PropertyPartsJobsModule,
    PropertyDecisionsJobsModule,
    PropertyCommitteesJobsModule,
    PropertySeatsJobsModule,
    PropertyCompaniesJobsModule,
    PropertyEvaluationsJobsModule,
    PropertyOverviewJobsModule,
  ],
})
export class PropertyGovernanceJobsModule {}
