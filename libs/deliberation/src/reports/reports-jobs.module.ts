import { Module } from '@nestjs/common';
import { ReportsModule } from './reports.module';

/** Jobs face of the reports area; mounted by the scheduler. */
@Module({ imports: [ReportsModule], providers: [] })
export class ReportsJobsModule {}
