import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { BusinessCalendar, Clock, Scheduled, ScheduleContext, TransactionRunner } from '@linli/platform';
import { CampaignCreation } from '../campaign-creation';
import { EvaluationPublishing } from '../evaluation-publishing';
import { halfYearOf, isFirstDayOfHalfYear } from '../evaluation-period';

export const EVALUATION_CAMPAIGNS_SCHEDULE = 'property-governance.evaluation-campaigns';

/**
 * Daily. On the first (business-local) day of a half-year it opens the half-year's campaign for
 * every district with the default weights, open from the half-year's start to the next one's (an
 * existing campaign of that district and period is left alone: ON CONFLICT, so reruns and two
 * schedulers open each once). Every day it publishes the open campaigns whose closesAt has passed
 * (locked rows, guarded update: each published once).
 */
@Injectable()
export class EvaluationCampaignsJob {
  constructor(
    private readonly directory: OrganizationDirectory,
    private readonly creation: CampaignCreation,
    private readonly publishing: EvaluationPublishing,
    private readonly transactions: TransactionRunner,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  @Scheduled({ name: EVALUATION_CAMPAIGNS_SCHEDULE, cron: '30 0 * * *', period: 'day' })
  async run(context: ScheduleContext): Promise<{ period: string; opened: number; published: number }> {
    const now = this.clock.now();
    let opened = 0;
    if (isFirstDayOfHalfYear(now, this.calendar.zone)) {
      const half = halfYearOf(now, this.calendar.zone);
      const districts = await this.directory.units.allOfKinds(['district']);
      for (const district of districts) {
        const created = await this.transactions.run(async (manager) => {
          const unit = await this.directory.units.anchor(manager, district.id);
          return this.creation.create(manager, {
            unit: { id: unit.id, path: unit.path },
            period: half.key,
            opensAt: half.start,
            closesAt: half.end,
            by: { userId: null, job: EVALUATION_CAMPAIGNS_SCHEDULE },
          });
        });
        if (created) opened += 1;
      }
    }
    const published = await this.publishing.publishDue(now, EVALUATION_CAMPAIGNS_SCHEDULE);
    return { period: context.period.key, opened, published };
  }
}
