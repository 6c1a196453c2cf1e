import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities.module';

/** Jobs face of the activities area; mounted by the scheduler. */
@Module({ imports: [ActivitiesModule] })
export class ActivitiesJobsModule {}
