import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { SettingsModule } from '../settings/settings.module';
import { CloseEvaluationsJob } from './jobs/close-evaluations.job';
import { CloseNoticesJob } from './jobs/close-notices.job';
import { OpenEvaluationsJob } from './jobs/open-evaluations.job';
import { OverdueMilestonesJob } from './jobs/overdue-milestones.job';
import { TimedStepMoves } from './jobs/timed-step-moves';
import { TopicJobsRepository } from './jobs/topic-jobs.repository';
import { TopicsModule } from './topics.module';

/**
 * Jobs face of the topics area; mounted by the scheduler: public notices ending
 * (`deliberation.close-notices`), evaluations opening and closing (`deliberation.open-evaluations`,
 * `deliberation.close-evaluations`) and overdue milestones (`deliberation.overdue-milestones`).
 */
@Module({
  imports: [TopicsModule, SettingsModule, OrganizationDirectoryModule],
  providers: [
    TopicJobsRepository,
    TimedStepMoves,
    CloseNoticesJob,
    OpenEvaluationsJob,
    CloseEvaluationsJob,
    OverdueMilestonesJob,
  ],
})
export class TopicsJobsModule {}
