import { Injectable } from '@nestjs/common';
import { Scheduled, ScheduleContext } from '@linli/platform';
import { MonthlyReportComputation, MonthlyReportRun } from './monthly-report-computation';

export const MONTHLY_REPORT_SCHEDULE = 'deliberation.monthly-report';

/** 02:30 on the 1st of each month (business time zone): every community's report of the month just ended. */
@Injectable()
export class MonthlyReportJob {
  constructor(private readonly computation: MonthlyReportComputation) {}

  @Scheduled({ name: MONTHLY_REPORT_SCHEDULE, cron: '30 2 1 * *', period: 'month', periodOffset: 'previous' })
  run(context: ScheduleContext): Promise<MonthlyReportRun> {
    return this.computation.compute(context.period);
  }
}
