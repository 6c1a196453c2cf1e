import { Module } from '@nestjs/common';
import { MeetingsModule } from './meetings.module';

/** Jobs face of the meetings area; mounted by the scheduler. */
@Module({ imports: [MeetingsModule], providers: [] })
export class MeetingsJobsModule {}
