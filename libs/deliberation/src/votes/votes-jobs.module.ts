import { Module } from '@nestjs/common';
import { VotesModule } from './votes.module';

/** Jobs face of the votes area; mounted by the scheduler. */
@Module({ imports: [VotesModule], providers: [] })
export class VotesJobsModule {}
