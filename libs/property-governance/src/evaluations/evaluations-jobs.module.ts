import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyEvaluationsModule } from './evaluations.module';
import { EvaluationCampaignsJob } from './jobs/evaluation-campaigns.job';
import { OverdueRectificationsJob } from './jobs/overdue-rectifications.job';

/** Jobs face of the evaluations area; mounted by the scheduler: campaigns per half-year and their publishing, overdue rectifications. */
@Module({
  imports: [PropertyEvaluationsModule, OrganizationDirectoryModule],
  providers: [EvaluationCampaignsJob, OverdueRectificationsJob],
})
export class PropertyEvaluationsJobsModule {}
