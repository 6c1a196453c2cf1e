import { Module } from '@nestjs/common';
import { PropertyOverviewModule } from './overview.module';

/** Jobs face of the overview area; mounted by the scheduler. */
@Module({ imports: [PropertyOverviewModule], providers: [] })
export class PropertyOverviewJobsModule {}
