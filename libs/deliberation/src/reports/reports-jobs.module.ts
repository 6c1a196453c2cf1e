import { Module } from '@nestjs/common';
import { MonthlyReportJob } from './monthly-report.job';
import { ReportsModule } from './reports.module';

/** Jobs face of the reports area: the monthly report at 02:30 on the 1st; mounted by the scheduler. */
@Module({ imports: [ReportsModule], providers: [MonthlyReportJob] })
export class ReportsJobsModule {}
