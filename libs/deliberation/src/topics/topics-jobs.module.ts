import { Module } from '@nestjs/common';
import { TopicsModule } from './topics.module';

/** Jobs face of the topics area; mounted by the scheduler. */
@Module({ imports: [TopicsModule], providers: [] })
export class TopicsJobsModule {}
