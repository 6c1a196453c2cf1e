import { Module } from '@nestjs/common';
import { PropertyCommitteesModule } from './committees.module';

/** Jobs face of the committees area; mounted by the scheduler. */
@Module({ imports: [PropertyCommitteesModule], providers: [] })
export class PropertyCommitteesJobsModule {}
