import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { BusinessCalendar, NotificationOutbox } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { PointsTemplate } from './points-templates';

const MAX_DEDUPE_KEY_LENGTH = 200;

/** Dedupe keys are stored in 200 characters; a longer one is replaced by its hash. */
function dedupeKey(key: string): string {
  return key.length <= MAX_DEDUPE_KEY_LENGTH
    ? key
    : `${PointsTemplate.Earned}:sha1:${createHash('sha1').update(key, 'utf8').digest('hex')}`;
}

/** A credit a person hears about. */
export interface EarnedNotice {
  personId: string;
  accountId: string;
  idempotencyKey: string;
  points: number;
  reason: string;
}

/** A lot about to expire that its person hears about. */
export interface ExpiringNotice {
  personId: string;
  lot: { id: string; remaining: number; expiresAt: Date; reason: string };
}

/**
 * Tells people about their points through the notifier (inbox and the deployment's other channels).
 * Every notice is requested in the caller's transaction, the one that makes the change
 * (`NotificationOutbox`): it is sent once that transaction commits, never for a rolled-back change,
 * and nothing here waits on Redis.
 */
@Injectable()
export class PointsNotifier {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly calendar: BusinessCalendar,
  ) {}

  /**
   * "您获得了 N 积分：reason". Deduplicated per entry through the entry's account and idempotency key,
   * which stay the same when an event's transaction is retried.
   */
  earned(manager: EntityManager, notices: EarnedNotice[]): Promise<void> {
    return this.outbox.request(
      manager,
      notices.map((notice) => ({
        recipient: { personId: notice.personId },
        templateKey: PointsTemplate.Earned,
        data: { points: notice.points, reason: notice.reason },
        dedupeKey: dedupeKey(`${PointsTemplate.Earned}:${notice.accountId}:${notice.idempotencyKey}`),
      })),
    );
  }

  /** Points of lots about to expire; deduplicated per lot. */
  expiring(manager: EntityManager, notices: ExpiringNotice[]): Promise<void> {
    return this.outbox.request(
      manager,
      notices.map(({ personId, lot }) => ({
        recipient: { personId },
        templateKey: PointsTemplate.Expiring,
        data: { points: lot.remaining, expiresOn: this.calendar.localDate(lot.expiresAt), reason: lot.reason },
        dedupeKey: `${PointsTemplate.Expiring}:${lot.id}`,
      })),
    );
  }
}
