import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { DecisionClosing } from './decision-closing';

export const CLOSE_DECISIONS_SCHEDULE = 'property-governance.close-decisions';

/**
 * Hourly (the shortest recorded period): closes every open decision whose end time has come, each
 * once (due rows are locked, others' locks skipped, and the update is guarded on `status = 'open'`,
 * so two schedulers never close one twice). Between the end time and the run the tally already
 * answers the final outcome (no ballot is accepted after the end time).
 */
@Injectable()
export class CloseDecisionsJob {
  constructor(
    private readonly closing: DecisionClosing,
    private readonly clock: Clock,
  ) {}

  @Scheduled({ name: CLOSE_DECISIONS_SCHEDULE, cron: '0 * * * *', period: 'hour' })
  async closeDue(context: ScheduleContext): Promise<{ period: string; closed: number }> {
    return {
      period: context.period.key,
      closed: await this.closing.closeDue(this.clock.now(), CLOSE_DECISIONS_SCHEDULE),
    };
  }
}
