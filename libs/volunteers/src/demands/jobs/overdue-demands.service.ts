import { Injectable } from '@nestjs/common';
import { AuditLog, BusinessCalendar, queryRows, TransactionRunner } from '@linli/platform';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DemandsNotifier } from '../demands-notifier';
import { DemandsTemplate } from '../demands-templates';
import { communityPathOf, CommunitySecretaries } from './community-secretaries';

interface ExpiredDemand {
  id: string;
  title: string;
  deadline: Date;
  unit_name: string;
  unit_path: string;
}

/**
 * Demands still open past their deadline expire, and the secretaries of their community are told
 * once per demand. Two steps, so that a notification lost to a Redis outage is sent by the next run:
 * expire (status `expired`), then notify every expired demand not yet escalated and mark it
 * (`escalated_at`); the dedupe key (demand, secretary) stops a repeat.
 */
@Injectable()
export class OverdueDemands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly secretaries: CommunitySecretaries,
    private readonly notifier: DemandsNotifier,
    private readonly calendar: BusinessCalendar,
  ) {}

  async escalateDue(now: Date): Promise<{ expired: number; escalated: number; notified: number }> {
    const expired = await this.transactions.run(async (manager) => {
      const rows = await queryRows<{ id: string; unit_id: string; unit_path: string }>(
        manager,
        `UPDATE volunteer_demands d SET status = 'expired', updated_at = now()
           FROM units u
          WHERE u.id = d.unit_id AND d.status = 'open' AND d.deadline IS NOT NULL AND d.deadline <= $1
        RETURNING d.id, d.unit_id, u.path AS unit_path`,
        [now],
      );
      for (const row of rows) {
        await this.audit.record({ action: 'volunteers.demand-expired', targetType: 'volunteer-demand', targetId: row.id, unitId: row.unit_id, unitPath: row.unit_path, actorUserId: null }, manager);
      }
      return rows.length;
    });

    const pending = await queryRows<ExpiredDemand>(
      this.dataSource.manager,
      `SELECT d.id, d.title, d.deadline, u.name AS unit_name, u.path AS unit_path
         FROM volunteer_demands d JOIN units u ON u.id = d.unit_id
        WHERE d.status = 'expired' AND d.escalated_at IS NULL ORDER BY d.deadline, d.id`,
      [],
    );
    const recipients = await this.secretaries.byCommunity(this.dataSource.manager, pending.map((demand) => communityPathOf(demand.unit_path)));
    const jobs = pending.flatMap((demand) =>
      (recipients.get(communityPathOf(demand.unit_path)) ?? []).map((userId) => ({
        recipient: { userId },
        templateKey: DemandsTemplate.Overdue,
        data: { title: demand.title, unitName: demand.unit_name, deadline: DateTime.fromJSDate(new Date(demand.deadline), { zone: this.calendar.zone }).toFormat('yyyy-MM-dd HH:mm') },
        dedupeKey: `${DemandsTemplate.Overdue}:${demand.id}:${userId}`,
      })),
    );
    await this.notifier.many(jobs);
    if (pending.length > 0) {
      await this.dataSource.query(`UPDATE volunteer_demands SET escalated_at = $2 WHERE id = ANY ($1::uuid[]) AND escalated_at IS NULL`, [pending.map((demand) => demand.id), now]);
    }
    return { expired, escalated: pending.length, notified: jobs.length };
  }
}
