import { Injectable } from '@nestjs/common';
import { CommunitySecretaries, OrganizationDirectory } from '@linli/organization';
import {
  BusinessCalendar,
  Clock,
  NotificationOutbox,
  queryRows,
  Scheduled,
  ScheduleContext,
  TransactionRunner,
} from '@linli/platform';
import { EvaluationsTemplate } from '../evaluations-templates';
import { RectificationsRepository } from '../rectifications.repository';

export const OVERDUE_RECTIFICATIONS_SCHEDULE = 'property-governance.overdue-rectifications';
const BATCH = 100;

/**
 * Daily: every open rectification order whose deadline has passed (before today, business-local)
 * and whose community secretary was not told yet: the secretary is told once (`overdue_notified_at`
 * set in the same transaction; due rows locked, others' locks skipped: two schedulers never tell twice).
 */
@Injectable()
export class OverdueRectificationsJob {
  constructor(
    private readonly rectifications: RectificationsRepository,
    private readonly secretaries: CommunitySecretaries,
    private readonly directory: OrganizationDirectory,
    private readonly notifications: NotificationOutbox,
    private readonly transactions: TransactionRunner,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  @Scheduled({ name: OVERDUE_RECTIFICATIONS_SCHEDULE, cron: '0 1 * * *', period: 'day' })
  async run(context: ScheduleContext): Promise<{ period: string; notified: number }> {
    const now = this.clock.now();
    const today = this.calendar.localDate(now);
    let notified = 0;
    for (;;) {
      const seen = await this.transactions.run(async (manager) => {
        const due = await this.rectifications.lockOverdue(manager, today, BATCH);
        if (due.length === 0) return 0;
        const secretaries = await this.secretaries.of(due.map((row) => row.unit_path));
        const complexes = await this.directory.units.byIds(
          due.map((row) => row.complex_id),
          manager,
        );
        const companies = new Map(
          (
            await queryRows<{ id: string; name: string }>(
              manager,
              `SELECT id, name FROM property_companies WHERE id = ANY($1::uuid[])`,
              [[...new Set(due.map((row) => row.company_id))]],
            )
          ).map((row) => [row.id, row.name]),
        );
        await this.notifications.request(
          manager,
          due.flatMap((row) =>
            (secretaries.get(row.unit_path) ?? []).map((userId) => ({
              recipient: { userId },
              templateKey: EvaluationsTemplate.RectificationOverdue,
              data: {
                complex: complexes.get(row.complex_id)?.name ?? '',
                company: companies.get(row.company_id) ?? '',
                deadline: row.deadline,
              },
              dedupeKey: `${EvaluationsTemplate.RectificationOverdue}:${row.id}:${userId}`,
            })),
          ),
        );
        await this.rectifications.markNotified(
          manager,
          due.map((row) => row.id),
          now,
        );
        notified += due.length;
        return due.length;
      });
      if (seen < BATCH) return { period: context.period.key, notified };
    }
  }
}
