import { Injectable } from '@nestjs/common';
import { Scheduled, ScheduleContext } from '@linli/platform';
import { StructureCheckRunner, StructureCheckRunSummary } from './structure-check.runner';

/** Schedule name: `job_runs.job`, the BullMQ job scheduler id, `npm run job -- organization.structure-check`. Never rename. */
export const STRUCTURE_CHECK_SCHEDULE = 'organization.structure-check';

/** 03:00 on the 1st of every month (business time zone, Asia/Shanghai by default): the check of that month. */
@Injectable()
export class StructureCheckJob {
  constructor(private readonly runner: StructureCheckRunner) {}

  @Scheduled({ name: STRUCTURE_CHECK_SCHEDULE, cron: '0 3 1 * *', period: 'month' })
  check({ period }: ScheduleContext): Promise<StructureCheckRunSummary> {
    return this.runner.run(period);
  }
}
