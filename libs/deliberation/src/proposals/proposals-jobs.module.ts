import { Module } from '@nestjs/common';
import { ProposalsModule } from './proposals.module';

/** Jobs face of the proposals area; mounted by the scheduler. */
@Module({ imports: [ProposalsModule], providers: [] })
export class ProposalsJobsModule {}
