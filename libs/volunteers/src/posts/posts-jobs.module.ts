import { Module } from '@nestjs/common';
import { PostsModule } from './posts.module';
import { ShiftRemindersJob } from './shift-reminders.job';

/** Jobs face of the posts area (hourly shift reminders); mounted by the scheduler. */
@Module({ imports: [PostsModule], providers: [ShiftRemindersJob] })
export class PostsJobsModule {}
