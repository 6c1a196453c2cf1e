import { Injectable } from '@nestjs/common';
import { enclosingPath, OrganizationDirectory } from '@linli/organization';
import { AccountsDirectory, AuditLog, BusinessCalendar, TransactionRunner } from '@linli/platform';
import { DateTime } from 'luxon';
import { DemandsNotifier } from '../demands-notifier';
import { DemandsTemplate } from '../demands-templates';
import { DemandJobsRepository } from './demand-jobs.repository';

/** Whose secretaries answer for a demand: its community's (the demand's own path when it lies above community level). */
function communityPathOf(unitPath: string): string {
  return enclosingPath(unitPath, 'community') ?? unitPath;
}

/**
 * Demands still open past their deadline expire, and the secretaries of their community are told
 * once per demand. Two steps, so that a notification lost to a Redis outage is sent by the next run:
 * expire (status `expired`), then notify every expired demand not yet escalated and mark it
 * (`escalated_at`); the dedupe key (demand, secretary) stops a repeat. The secretaries are the
 * nearest holders of the role at or above the community (the kernel's `AccountsDirectory`): a
 * street's secretary covers its communities without one.
 */
@Injectable()
export class OverdueDemands {
  constructor(
    private readonly jobsRepository: DemandJobsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly accounts: AccountsDirectory,
    private readonly directory: OrganizationDirectory,
    private readonly notifier: DemandsNotifier,
    private readonly calendar: BusinessCalendar,
  ) {}

  async escalateDue(now: Date): Promise<{ expired: number; escalated: number; notified: number }> {
    const expired = await this.transactions.run(async (manager) => {
      const rows = await this.jobsRepository.expireOverdue(manager, now);
      for (const row of rows) {
        await this.audit.record(
          {
            action: 'volunteers.demand-expired',
            targetType: 'volunteer-demand',
            targetId: row.id,
            unitId: row.unit_id,
            unitPath: row.unit_path,
            actorUserId: null,
          },
          manager,
        );
      }
      return rows.length;
    });

    const pending = await this.jobsRepository.unescalated();
    const [recipients, units] = await Promise.all([
      this.accounts.nearestRoleHolders(
        'secretary',
        pending.map((demand) => communityPathOf(demand.unit_path)),
      ),
      this.directory.units.byIds(pending.map((demand) => demand.unit_id)),
    ]);
    const jobs = pending.flatMap((demand) =>
      (recipients.get(communityPathOf(demand.unit_path)) ?? []).map((userId) => ({
        recipient: { userId },
        templateKey: DemandsTemplate.Overdue,
        data: {
          title: demand.title,
          unitName: units.get(demand.unit_id)?.name ?? '',
          deadline: DateTime.fromJSDate(new Date(demand.deadline), { zone: this.calendar.zone }).toFormat(
            'yyyy-MM-dd HH:mm',
          ),
        },
        dedupeKey: `${DemandsTemplate.Overdue}:${demand.id}:${userId}`,
      })),
    );
    // The notices and the marks commit together: a demand marked escalated has its notices requested.
    await this.transactions.run(async (manager) => {
      await this.notifier.many(manager, jobs);
      await this.jobsRepository.markEscalated(
        manager,
        pending.map((demand) => demand.id),
        now,
      );
    });
    return { expired, escalated: pending.length, notified: jobs.length };
  }
}
