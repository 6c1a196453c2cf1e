import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { MeetingRemindersJob } from './meeting-reminders.job';
import { MeetingsModule } from './meetings.module';

/** Jobs face of the meetings area (mounted by the scheduler): reminders a day before a meeting. */
@Module({ imports: [MeetingsModule, OrganizationDirectoryModule], providers: [MeetingRemindersJob] })
export class MeetingsJobsModule {}
