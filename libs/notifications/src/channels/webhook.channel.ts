import { Injectable } from '@nestjs/common';
import { Clock, LinliConfig, NotificationRecipient, signWebhook, WebhookHeader } from '@linli/platform';
import { RenderedNotification } from '../templates/notification-template';
import { ChannelName } from './channel-name';
import { NotificationChannel } from './notification-channel';
import { WebhookDeliveryError } from './webhook-delivery.error';

/** What the receiver gets as JSON. */
export interface WebhookPayload {
  deliveryId: string;
  templateKey: string;
  recipient: NotificationRecipient;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
}

/**
 * POSTs each notification as signed JSON to `NOTIFY_WEBHOOK_URL`. Enabled only when the URL is set.
 * Only a 2xx answer within the timeout counts; anything else is a failure the worker retries.
 */
@Injectable()
export class WebhookChannel implements NotificationChannel {
  readonly name = ChannelName.Webhook;

  constructor(
    private readonly config: LinliConfig,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.webhook.url);
  }

  async deliver(rendered: RenderedNotification, recipient: NotificationRecipient, deliveryId: string): Promise<void> {
    const { url, secret, timeoutMs } = this.config.webhook;
    if (!url) throw new WebhookDeliveryError('webhook channel is not configured (NOTIFY_WEBHOOK_URL)');
    const payload: WebhookPayload = {
      deliveryId,
      templateKey: rendered.templateKey,
      recipient: {
        ...(recipient.userId ? { userId: recipient.userId } : {}),
        ...(recipient.personId ? { personId: recipient.personId } : {}),
      },
      title: rendered.title,
      body: rendered.body,
      data: rendered.data,
      createdAt: rendered.createdAt.toISOString(),
    };
    const rawBody = JSON.stringify(payload);
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'linli-notifier',
          [WebhookHeader.Signature]: signWebhook(secret, timestamp, rawBody),
          [WebhookHeader.Timestamp]: timestamp,
          [WebhookHeader.Delivery]: deliveryId,
        },
        body: rawBody,
        signal: abort.signal,
        redirect: 'manual',
      });
      // The answer's body carries nothing we use; release it without letting it decide the outcome.
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status >= 300)
        throw new WebhookDeliveryError(`webhook answered HTTP ${response.status}`);
    } catch (error) {
      if (error instanceof WebhookDeliveryError) throw error;
      if (abort.signal.aborted) throw new WebhookDeliveryError(`webhook timed out after ${timeoutMs} ms`);
      const cause = (error as Error & { cause?: Error }).cause;
      throw new WebhookDeliveryError(`webhook request failed: ${cause?.message ?? (error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
