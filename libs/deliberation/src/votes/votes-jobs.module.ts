import { Module } from '@nestjs/common';
import { CloseVotesJob } from './close-votes.job';
import { VotesModule } from './votes.module';

/** Jobs face of the votes area; mounted by the scheduler: closes votes at their end time. */
@Module({ imports: [VotesModule], providers: [CloseVotesJob] })
export class VotesJobsModule {}
