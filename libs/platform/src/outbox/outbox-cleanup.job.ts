import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Scheduled } from '../scheduling/scheduled.decorator';
import { ScheduleContext } from '../scheduling/schedule-context';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Daily housekeeping: relayed outbox rows and relayed notification requests older than 7 days, and
 * processed markers older than 30 days. Ages count back from the start of the run's day, so a re-run of a day deletes the same range.
 */
@Injectable()
export class OutboxCleanupJob {
  static readonly KEEP_RELAYED_DAYS = 7;
  static readonly KEEP_PROCESSED_DAYS = 30;
  private static readonly CHUNK = 10_000;

  constructor(private readonly dataSource: DataSource) {}

  @Scheduled({ name: 'outbox.cleanup', cron: '20 4 * * *', period: 'day' })
  async cleanUp({ period }: ScheduleContext): Promise<{
    outboxEventsDeleted: number;
    processedEventsDeleted: number;
    notificationRequestsDeleted: number;
  }> {
    const relayedBefore = new Date(period.start.getTime() - OutboxCleanupJob.KEEP_RELAYED_DAYS * DAY_MS);
    const processedBefore = new Date(period.start.getTime() - OutboxCleanupJob.KEEP_PROCESSED_DAYS * DAY_MS);
    return {
      outboxEventsDeleted: await this.deleteInChunks(
        'outbox_events',
        'relayed_at IS NOT NULL AND relayed_at < $1',
        relayedBefore,
      ),
      processedEventsDeleted: await this.deleteInChunks('processed_events', 'processed_at < $1', processedBefore),
      notificationRequestsDeleted: await this.deleteInChunks(
        'notification_requests',
        'relayed_at IS NOT NULL AND relayed_at < $1',
        relayedBefore,
      ),
    };
  }

  /** Small statements keep locks short on big tables. */
  private async deleteInChunks(
    table: 'outbox_events' | 'processed_events' | 'notification_requests',
    condition: string,
    before: Date,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ deleted }]: { deleted: number }[] = await this.dataSource.query(
        `WITH gone AS (
           DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${condition} LIMIT ${OutboxCleanupJob.CHUNK})
           RETURNING 1)
         SELECT count(*)::int AS deleted FROM gone`,
        [before],
      );
      total += deleted;
      if (deleted < OutboxCleanupJob.CHUNK) return total;
    }
  }
}
