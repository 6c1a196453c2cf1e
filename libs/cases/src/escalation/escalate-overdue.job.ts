import { Injectable } from '@nestjs/common';
import {
  BusinessCalendar,
  Clock,
  NotificationOutbox,
  Scheduled,
  ScheduleContext,
  TransactionRunner,
} from '@linli/platform';
import { CaseEscalation } from '../cases/case-escalation';
import { CaseLevels } from '../cases/case-levels';
import { CaseRow } from '../cases/case-record';
import { CaseTransitions } from '../cases/case-transitions';
import { CasesRepository } from '../cases/cases.repository';
import { CasesTemplate } from '../cases/cases-templates';
import { CasesSettings } from '../settings/cases-settings.service';

export const ESCALATE_OVERDUE_SCHEDULE = 'cases.escalate-overdue';
const BATCH = 200;

/**
 * Every five minutes (one recorded run per minute key): every open case whose level ran out of time
 * escalates to the next level, once (due rows are locked with others' locks skipped, and each escalation is
 * unique per case, level and due instant, so two schedulers never escalate one twice); then every
 * case past the warning share of its level's time warns its handler, or the level's heads, once.
 * Cases at the district stay where they are, counted late.
 */
@Injectable()
export class EscalateOverdueJob {
  constructor(
    private readonly cases: CasesRepository,
    private readonly escalation: CaseEscalation,
    private readonly transitions: CaseTransitions,
    private readonly levels: CaseLevels,
    private readonly settings: CasesSettings,
    private readonly notifications: NotificationOutbox,
    private readonly transactions: TransactionRunner,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  @Scheduled({ name: ESCALATE_OVERDUE_SCHEDULE, cron: '*/5 * * * *', period: 'minute' })
  async run(context: ScheduleContext): Promise<{ period: string; escalated: number; warned: number }> {
    const now = this.clock.now();
    let escalated = 0;
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        const due = await this.cases.lockLevelDue(manager, now, BATCH);
        let moved = 0;
        for (const row of due) {
          const step = await this.escalation.step(manager, row, now, {
            reason: '超过办理时限',
            userId: null,
            automatic: true,
          });
          if (!step) continue;
          await this.transitions.move(manager, row, 'escalate', null, () => step);
          moved += 1;
        }
        return { locked: due.length, moved };
      });
      escalated += batch.moved;
      if (batch.locked < BATCH || batch.moved === 0) break;
    }
    return { period: context.period.key, escalated, warned: await this.warn(now) };
  }

  private async warn(now: Date): Promise<number> {
    const share = (await this.settings.value('warning.share-percent')) / 100;
    return this.transactions.run(async (manager) => {
      const rows = await this.cases.claimWarnings(manager, now, share, 5000);
      const unassigned = rows.filter((row) => !row.handler_user_id);
      const levelUnits = await this.levels.ofMany([...new Set(unassigned.map((row) => row.unit_path))], manager);
      const heads = await this.levels.heads(
        unassigned.flatMap((row) => {
          const unit = levelUnits.get(row.unit_path)?.get(row.level);
          return unit ? [{ level: row.level, path: unit.path }] : [];
        }),
        manager,
      );
      const recipients = (row: CaseRow) =>
        row.handler_user_id
          ? [row.handler_user_id]
          : (heads.get(levelUnits.get(row.unit_path)?.get(row.level)?.path ?? '') ?? []);
      await this.notifications.request(
        manager,
        rows.flatMap((row) =>
          recipients(row).map((userId) => ({
            recipient: { userId },
            templateKey: CasesTemplate.DueSoon,
            data: {
              caseId: row.id,
              title: row.title,
              dueAt: this.calendar.localDate(new Date((row.level_due_at as Date).getTime() - 1)),
            },
            dedupeKey: `${CasesTemplate.DueSoon}:${row.id}:${(row.level_due_at as Date).getTime()}:${userId}`,
          })),
        ),
      );
      return rows.length;
    });
  }
}
