import { Module } from '@nestjs/common';
import { ConventionsJobsModule } from './conventions/conventions-jobs.module';
import { MeetingsJobsModule } from './meetings/meetings-jobs.module';
import { ProposalsJobsModule } from './proposals/proposals-jobs.module';
import { ReportsJobsModule } from './reports/reports-jobs.module';
import { TopicsJobsModule } from './topics/topics-jobs.module';
import { VotesJobsModule } from './votes/votes-jobs.module';

/** The deliberation jobs face (mounted by the scheduler): notice periods, evaluations, votes, reminders, overdue milestones, monthly reports. */
@Module({
  imports: [
    TopicsJobsModule,
    VotesJobsModule,
    ProposalsJobsModule,
    MeetingsJobsModule,
    ConventionsJobsModule,
    ReportsJobsModule,
  ],
})
export class DeliberationJobsModule {}
