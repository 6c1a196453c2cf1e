import { Module } from '@nestjs/common';
import { TeamsModule } from './teams.module';

/** Jobs face of the teams area; mounted by the scheduler. */
@Module({ imports: [TeamsModule] })
export class TeamsJobsModule {}
