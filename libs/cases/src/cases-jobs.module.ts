import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { CasesModule } from './cases.module';
import { EscalateOverdueJob } from './escalation/escalate-overdue.job';
import { MonthlyRankingJob } from './rates/monthly-ranking.job';

/** The cases jobs face (mounted by the scheduler): escalation and warnings, the monthly ranking. */
@Module({ imports: [CasesModule, OrganizationDirectoryModule], providers: [EscalateOverdueJob, MonthlyRankingJob] })
export class CasesJobsModule {}
