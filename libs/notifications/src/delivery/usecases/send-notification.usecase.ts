import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, LinliConfig, MetricsRegistry } from '@linli/platform';
import { Counter } from 'prom-client';
import { NOTIFICATION_CHANNELS, NotificationChannel } from '../../channels/notification-channel';
import { RenderedNotification } from '../../templates/notification-template';
import { NotificationTemplateSource } from '../../templates/notification-template-source';
import { renderTemplate } from '../../templates/render-template';
import { TemplateRenderError } from '../../templates/template-render.error';
import { NotificationDeliveries } from '../notification-deliveries.service';
import { ChannelDeliveryError } from '../channel-delivery.error';
import { InvalidNotificationJobError } from '../invalid-notification-job.error';
import { SendNotificationCommand } from './send-notification.command';

export type ChannelOutcome = 'sent' | 'skipped' | 'failed' | 'dead';

/** What one attempt did per channel; stored as the job's return value. */
export interface SendNotificationReport {
  dedupeKey: string;
  channels: Record<string, ChannelOutcome>;
}

export interface AttemptInfo {
  /** 1 for the first attempt. */
  attempt: number;
  /** No retry follows this attempt: failures are recorded as dead. */
  final: boolean;
}

/**
 * Renders a notification and delivers it on each channel at most once: a channel whose record is
 * `sent` is skipped, each attempt is counted on the record, failures are recorded and rethrown so
 * the queue retries (with the same delivery id), the final failure is recorded as dead.
 */
@Injectable()
export class SendNotification {
  private readonly logger = new Logger(SendNotification.name);
  private readonly outcomes: Counter<'channel' | 'outcome'>;
  private readonly channelsByName: Map<string, NotificationChannel>;

  constructor(
    private readonly templates: NotificationTemplateSource,
    @Inject(NOTIFICATION_CHANNELS) channels: NotificationChannel[],
    private readonly deliveries: NotificationDeliveries,
    private readonly clock: Clock,
    private readonly config: LinliConfig,
    metrics: MetricsRegistry,
  ) {
    this.channelsByName = new Map(channels.map((c) => [c.name, c]));
    this.outcomes = metrics.counter(
      'linli_notification_deliveries_total',
      'Notification delivery attempts, by channel and outcome',
      ['channel', 'outcome'],
    );
  }

  /** Channels used when a job names none. */
  enabledChannels(): string[] {
    return [...this.channelsByName.keys()];
  }

  async execute(command: SendNotificationCommand, attempt: AttemptInfo): Promise<SendNotificationReport> {
    const requested = command.channels ? [...new Set(command.channels)] : this.enabledChannels();
    const records = await this.deliveries.ensure(command, requested, this.clock.now());
    const report: SendNotificationReport = { dedupeKey: command.dedupeKey, channels: {} };

    const disabled = requested.filter((name) => !this.channelsByName.has(name));
    if (disabled.length > 0) {
      await this.deliveries.markDead(
        command.dedupeKey,
        disabled,
        'channel is not enabled in this deployment',
        this.clock.now(),
      );
      for (const name of disabled) this.count(report, name, 'dead');
    }

    const usable = requested.filter((name) => this.channelsByName.has(name));
    const pending = records.filter((r) => usable.includes(r.channel) && r.status !== 'sent');
    for (const record of records.filter((r) => usable.includes(r.channel) && r.status === 'sent'))
      this.count(report, record.channel, 'skipped');
    if (pending.length === 0) return report;

    let rendered: RenderedNotification;
    try {
      rendered = this.render(command, records);
    } catch (error) {
      const message = (error as Error).message;
      await this.deliveries.markDead(
        command.dedupeKey,
        pending.map((r) => r.channel),
        message,
        this.clock.now(),
      );
      for (const record of pending) this.count(report, record.channel, 'dead');
      throw error;
    }

    const failures: string[] = [];
    for (const record of pending) {
      const channel = this.channelsByName.get(record.channel) as NotificationChannel;
      const claim = await this.deliveries.claim(record.id, this.clock.now(), this.leaseStart());
      if (claim === 'already-sent') {
        this.count(report, channel.name, 'skipped');
        continue;
      }
      if (claim === 'in-flight') {
        // A duplicate of this job is delivering right now; retry later and find it sent (or failed).
        failures.push(`${channel.name}: delivery in progress in another worker`);
        continue;
      }
      try {
        await channel.deliver(rendered, command.recipient, claim.id);
        await this.deliveries.markSent(claim.id, this.clock.now());
        this.count(report, channel.name, 'sent');
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        await this.deliveries.markFailed(claim.id, message, attempt.final);
        this.count(report, channel.name, attempt.final ? 'dead' : 'failed');
        this.logger.warn(
          {
            dedupeKey: command.dedupeKey,
            channel: channel.name,
            deliveryId: claim.id,
            attempt: attempt.attempt,
            final: attempt.final,
            err: message,
          },
          'notification delivery failed',
        );
        failures.push(`${channel.name}: ${message}`);
      }
    }
    if (failures.length > 0) throw new ChannelDeliveryError(command.dedupeKey, failures);
    return report;
  }

  /** True for errors that no retry of the same job can cure. */
  static isPermanent(error: unknown): boolean {
    return error instanceof TemplateRenderError || error instanceof InvalidNotificationJobError;
  }

  private render(command: SendNotificationCommand, records: { createdAt: Date }[]): RenderedNotification {
    const template = this.templates.find(command.templateKey);
    if (!template) throw new InvalidNotificationJobError(`unknown notification template "${command.templateKey}"`);
    const { title, body } = renderTemplate(command.templateKey, template, command.data);
    // The oldest record's creation time: the same on every retry and on every channel.
    const createdAt = new Date(Math.min(...records.map((r) => r.createdAt.getTime())));
    return {
      templateKey: command.templateKey,
      dedupeKey: command.dedupeKey,
      title,
      body,
      data: command.data,
      createdAt,
    };
  }

  /** Attempts started before this are presumed dead (their worker crashed); a delivery never takes longer than the webhook timeout. */
  private leaseStart(): Date {
    return new Date(this.clock.now().getTime() - (2 * this.config.webhook.timeoutMs + 5000));
  }

  private count(report: SendNotificationReport, channel: string, outcome: ChannelOutcome): void {
    report.channels[channel] = outcome;
    this.outcomes.inc({ channel, outcome });
  }
}
