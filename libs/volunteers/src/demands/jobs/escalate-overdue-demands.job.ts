import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { OverdueDemands } from './overdue-demands.service';

export const ESCALATE_OVERDUE_DEMANDS_SCHEDULE = 'volunteers.escalate-overdue-demands';

/** Every hour at :15 (business time zone, recorded in `job_runs`): open demands past their deadline expire; their community's secretaries are told once per demand. */
@Injectable()
export class EscalateOverdueDemandsJob {
  constructor(
    private readonly clock: Clock,
    private readonly overdue: OverdueDemands,
  ) {}

  @Scheduled({ name: ESCALATE_OVERDUE_DEMANDS_SCHEDULE, cron: '15 * * * *', period: 'hour' })
  async escalateOverdueDemands(
    context: ScheduleContext,
  ): Promise<{ period: string; expired: number; escalated: number; notified: number }> {
    return { period: context.period.key, ...(await this.overdue.escalateDue(this.clock.now())) };
  }
}
