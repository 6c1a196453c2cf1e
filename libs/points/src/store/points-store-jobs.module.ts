import { Module } from '@nestjs/common';
import { ExpireRedemptionsJob } from './expire-redemptions.job';
import { PointsStoreModule } from './points-store.module';

/** The store's daily schedule (expiring reservations); mounted by the scheduler. */
@Module({ imports: [PointsStoreModule], providers: [ExpireRedemptionsJob] })
export class PointsStoreJobsModule {}
