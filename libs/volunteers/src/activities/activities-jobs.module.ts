import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities.module';
import { ActivityRemindersJob } from './activity-reminders.job';

/** Jobs face of the activities area (mounted by the scheduler): reminders a day before an activity. */
@Module({ imports: [ActivitiesModule], providers: [ActivityRemindersJob] })
export class ActivitiesJobsModule {}
