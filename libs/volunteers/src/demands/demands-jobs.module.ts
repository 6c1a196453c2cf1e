import { Module } from '@nestjs/common';
import { DemandsModule } from './demands.module';
import { DemandDigest } from './jobs/demand-digest.service';
import { EscalateOverdueDemandsJob } from './jobs/escalate-overdue-demands.job';
import { LapsedClaims } from './jobs/lapsed-claims.service';
import { OverdueDemands } from './jobs/overdue-demands.service';
import { ReleaseLapsedClaimsJob } from './jobs/release-lapsed-claims.job';
import { WeeklyDemandDigestJob } from './jobs/weekly-demand-digest.job';

/** Jobs face of the demands area; mounted by the scheduler. */
@Module({
  imports: [DemandsModule],
  providers: [
    ReleaseLapsedClaimsJob,
    EscalateOverdueDemandsJob,
    WeeklyDemandDigestJob,
    LapsedClaims,
    OverdueDemands,
    DemandDigest,
  ],
})
export class DemandsJobsModule {}
