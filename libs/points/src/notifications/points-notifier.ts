import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { BusinessCalendar, JobQueue } from '@linli/platform';
import { PointsTemplate } from './points-templates';

const MAX_DEDUPE_KEY_LENGTH = 200;

/** Dedupe keys are stored in 200 characters; a longer one is replaced by its hash. */
function dedupeKey(key: string): string {
  return key.length <= MAX_DEDUPE_KEY_LENGTH
    ? key
    : `${PointsTemplate.Earned}:sha1:${createHash('sha1').update(key, 'utf8').digest('hex')}`;
}

/** Tells people about their points through the notifier (inbox and the deployment's other channels). */
@Injectable()
export class PointsNotifier {
  constructor(
    private readonly jobs: JobQueue,
    private readonly calendar: BusinessCalendar,
  ) {}

  /**
   * "您获得了 N 积分：reason". Deduplicated per entry through the entry's account and idempotency key,
   * which stay the same when an event's transaction is retried.
   */
  earned(
    personId: string,
    credit: { accountId: string; idempotencyKey: string; points: number; reason: string },
  ): Promise<void> {
    return this.earnedMany([{ personId, ...credit }]);
  }

  /** `earned` for many credits, queued in one round trip. */
  earnedMany(
    credits: { personId: string; accountId: string; idempotencyKey: string; points: number; reason: string }[],
  ): Promise<void> {
    return this.jobs.notifyMany(
      credits.map((credit) => ({
        recipient: { personId: credit.personId },
        templateKey: PointsTemplate.Earned,
        data: { points: credit.points, reason: credit.reason },
        dedupeKey: dedupeKey(`${PointsTemplate.Earned}:${credit.accountId}:${credit.idempotencyKey}`),
      })),
    );
  }

  /** Points of one lot about to expire; deduplicated per lot. */
  expiring(personId: string, lot: { id: string; remaining: number; expiresAt: Date; reason: string }): Promise<void> {
    return this.jobs.notify({
      recipient: { personId },
      templateKey: PointsTemplate.Expiring,
      data: { points: lot.remaining, expiresOn: this.calendar.localDate(lot.expiresAt), reason: lot.reason },
      dedupeKey: `${PointsTemplate.Expiring}:${lot.id}`,
    });
  }
}
