import { NotificationRecipient } from '@linli/platform';
import { RenderedNotification } from '../templates/notification-template';

/**
 * One way of reaching a recipient (inbox, webhook; SMS or WeChat later). `deliver` either succeeds
 * or throws; the worker records the outcome and retries. `deliveryId` is stable across retries of
 * the same notification on this channel, so providers that accept an idempotency key can use it.
 */
export interface NotificationChannel {
  /** Stored in delivery records and named in `SendNotificationJob.channels`; never rename once released. */
  readonly name: string;
  deliver(rendered: RenderedNotification, recipient: NotificationRecipient, deliveryId: string): Promise<void>;
}

/** Injection token: the channels enabled in this process, in delivery order. */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
