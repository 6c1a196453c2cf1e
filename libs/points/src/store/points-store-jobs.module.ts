import { Module } from '@nestjs/common';
import { PointsStoreJobs } from './points-store.jobs';
import { PointsStoreModule } from './points-store.module';

/** The store's daily schedule (expiring reservations); mounted by the scheduler. */
@Module({ imports: [PointsStoreModule], providers: [PointsStoreJobs] })
export class PointsStoreJobsModule {}
