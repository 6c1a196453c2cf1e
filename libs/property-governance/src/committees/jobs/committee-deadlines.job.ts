import { Injectable } from '@nestjs/common';
import { CommunitySecretaries, OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  BusinessCalendar,
  Clock,
  NotificationOutbox,
  Scheduled,
  ScheduleContext,
  TransactionRunner,
} from '@linli/platform';
import { FLAG_DISPLAY } from '../committee-views';
import { CommitteesTemplate } from '../committees-templates';
import { CommitteesRepository } from '../committees.repository';
import { CommitteeFlagKind } from '../dto/property-committee.dto';
import { CommitteeDeadlinesRepository } from './committee-deadlines.repository';

export const COMMITTEE_DEADLINES_SCHEDULE = 'property-governance.committee-deadlines';

/**
 * Daily: ends the committees whose term is over (on its last day; members leave, flags resolve,
 * audited), then raises each missed deadline once (chair and vice-chair after 7 days, filing after
 * 30, a change's report after 30) and the term warning 90 days before the end, and tells the
 * community secretary of each new flag. Two schedulers at once raise and tell once: a flag is unique
 * per committee, kind and subject, and expired rows are locked with others' locks skipped.
 */
@Injectable()
export class CommitteeDeadlinesJob {
  constructor(
    private readonly deadlines: CommitteeDeadlinesRepository,
    private readonly committees: CommitteesRepository,
    private readonly secretaries: CommunitySecretaries,
    private readonly directory: OrganizationDirectory,
    private readonly notifications: NotificationOutbox,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  @Scheduled({ name: COMMITTEE_DEADLINES_SCHEDULE, cron: '0 2 * * *', period: 'day' })
  async run(context: ScheduleContext): Promise<{ period: string; ended: number; flagged: number }> {
    const now = this.clock.now();
    const today = this.calendar.localDate(now);
    return this.transactions.run(async (manager) => {
      const expired = await this.deadlines.lockExpired(manager, today);
      for (const committee of expired) {
        await this.committees.end(manager, committee.id, committee.term_ends_on, now);
        await this.audit.record(
          {
            action: 'property.committee-term-ended',
            targetType: 'property-committee',
            targetId: committee.id,
            unitId: committee.complex_id,
            unitPath: committee.unit_path,
            actorUserId: null,
            data: { termEndsOn: committee.term_ends_on, job: COMMITTEE_DEADLINES_SCHEDULE },
          },
          manager,
        );
      }
      const raised = await this.deadlines.raise(manager, today, now);
      if (raised.length > 0) {
        const secretaries = await this.secretaries.of(raised.map((flag) => flag.unit_path));
        const complexes = await this.directory.units.byIds(
          raised.map((flag) => flag.complex_id),
          manager,
        );
        await this.notifications.request(
          manager,
          raised.flatMap((flag) =>
            (secretaries.get(flag.unit_path) ?? []).map((userId) => ({
              recipient: { userId },
              templateKey: CommitteesTemplate.Flagged,
              data: {
                complex: complexes.get(flag.complex_id)?.name ?? '',
                flag: FLAG_DISPLAY[flag.kind as CommitteeFlagKind],
                dueOn: flag.due_on,
              },
              dedupeKey: `${CommitteesTemplate.Flagged}:${flag.id}:${userId}`,
            })),
          ),
        );
      }
      return { period: context.period.key, ended: expired.length, flagged: raised.length };
    });
  }
}
