import { Module } from '@nestjs/common';
import { DemandsModule } from './demands.module';
import { CommunitySecretaries } from './jobs/community-secretaries';
import { DemandDigest } from './jobs/demand-digest.service';
import { DemandsJobs } from './jobs/demands.jobs';
import { LapsedClaims } from './jobs/lapsed-claims.service';
import { OverdueDemands } from './jobs/overdue-demands.service';

/** Jobs face of the demands area; mounted by the scheduler. */
@Module({ imports: [DemandsModule], providers: [DemandsJobs, LapsedClaims, OverdueDemands, DemandDigest, CommunitySecretaries] })
export class DemandsJobsModule {}
