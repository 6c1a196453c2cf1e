import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JobName, JobQueue, notificationJobId, QueueName, SendNotificationJob } from '@linli/platform';
import { bootNotifier, resetState, testConfig, waitFor, withTestDb } from '@linli/testing';
import { JobsOptions, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyWebhookSignature, WebhookHeader } from '@linli/platform';

interface ReceivedRequest {
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** Status the receiver answered with; undefined if the sender gave up before an answer. */
  answered?: number;
}

interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

type Answer = number | 'hold' | { status: number; afterMs: number };

/**
 * A webhook receiver on 127.0.0.1. `answer(n)` says what to do with the n-th request (0-based): a
 * status code, 'hold' to keep it unanswered until the sender aborts, or a status given after a pause.
 */
async function startReceiver(answer: (index: number) => Answer): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const record: ReceivedRequest = { headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
      const decision = answer(requests.length);
      requests.push(record);
      if (decision === 'hold') return;
      const { status, afterMs } = typeof decision === 'number' ? { status: decision, afterMs: 0 } : decision;
      setTimeout(() => {
        record.answered = status;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope');
      }, afterMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/linli`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface DeliveryRow {
  id: string;
  channel: string;
  status: string;
  attempts: number;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

function deliveries(dedupeKey: string): Promise<DeliveryRow[]> {
  return withTestDb(
    async (db) =>
      (
        await db.query<DeliveryRow>('SELECT * FROM notification_deliveries WHERE dedupe_key = $1 ORDER BY channel', [
          dedupeKey,
        ])
      ).rows,
  );
}

async function deliveryOn(dedupeKey: string, channel: string): Promise<DeliveryRow | undefined> {
  return (await deliveries(dedupeKey)).find((d) => d.channel === channel);
}

function inboxRows(
  dedupeKey: string,
): Promise<
  { id: string; title: string; body: string; recipient_user_id: string | null; recipient_person_id: string | null }[]
> {
  return withTestDb(
    async (db) => (await db.query('SELECT * FROM notifications WHERE dedupe_key = $1', [dedupeKey])).rows,
  );
}

async function finishedState(queue: Queue, jobId: string): Promise<string | false> {
  const job = await queue.getJob(jobId);
  const state = job ? await job.getState() : undefined;
  return state === 'completed' || state === 'failed' ? state : false;
}

describe('notifier: send-notification jobs', () => {
  const secret = testConfig().webhook.secret;
  let notifier: NestFastifyApplication | undefined;
  let receiver: Receiver | undefined;

  async function start(
    answer: (index: number) => Answer,
    env: Record<string, string> = {},
  ): Promise<{ queue: Queue; producer: JobQueue }> {
    receiver = await startReceiver(answer);
    notifier = await bootNotifier({
      env: { NOTIFY_WEBHOOK_URL: receiver.url, NOTIFY_WEBHOOK_TIMEOUT_MS: '300', ...env },
    });
    const producer = notifier.get(JobQueue);
    return { producer, queue: producer.get(QueueName.Notifications) };
  }

  function send(producer: JobQueue, job: SendNotificationJob, options: JobsOptions = {}): Promise<void> {
    return producer.queue(JobName.SendNotification, job, {
      jobId: notificationJobId(job.dedupeKey),
      backoff: { type: 'fixed', delay: 100 },
      ...options,
    });
  }

  beforeEach(() => resetState());
  afterEach(async () => {
    await notifier?.close();
    await receiver?.close();
    notifier = undefined;
    receiver = undefined;
  });

  it('delivers exactly one accepted, correctly signed webhook when the first attempt times out, and never again for the same dedupe key', async () => {
    const { producer, queue } = await start((index) => (index === 0 ? 'hold' : 200));
    const userId = randomUUID();
    const job: SendNotificationJob = {
      recipient: { userId },
      templateKey: 'system.test',
      data: { message: '网格巡查提醒' },
      dedupeKey: `system.test:${userId}:1`,
    };
    await send(producer, job);

    const webhook = await waitFor(
      async () => {
        const row = await deliveryOn(job.dedupeKey, 'webhook');
        return row?.status === 'sent' ? row : undefined;
      },
      { what: 'webhook delivery sent' },
    );
    expect(webhook).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(webhook.delivered_at).toBeInstanceOf(Date);

    const requests = receiver?.requests ?? [];
    expect(requests).toHaveLength(2);
    expect(requests.map((r) => r.answered)).toEqual([undefined, 200]);
    for (const request of requests) {
      const timestamp = String(request.headers[WebhookHeader.Timestamp]);
      const signature = String(request.headers[WebhookHeader.Signature]);
      expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(verifyWebhookSignature(secret, timestamp, request.rawBody, signature)).toBe(true);
      expect(request.headers[WebhookHeader.Delivery]).toBe(webhook.id);
      expect(request.headers['content-type']).toContain('application/json');
    }
    const accepted = JSON.parse(requests[1].rawBody);
    expect(accepted).toEqual({
      deliveryId: webhook.id,
      templateKey: 'system.test',
      recipient: { userId },
      title: '测试通知',
      body: '这是一条测试通知：网格巡查提醒',
      data: { message: '网格巡查提醒' },
      createdAt: webhook.created_at.toISOString(),
    });
    expect(requests[0].rawBody).toBe(requests[1].rawBody);
    expect(await deliveryOn(job.dedupeKey, 'inbox')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await inboxRows(job.dedupeKey)).toHaveLength(1);

    // The same job again is ignored by the queue; a duplicate under another job id finds both channels sent.
    await send(producer, job);
    await send(producer, job, { jobId: `${notificationJobId(job.dedupeKey)}-replay` });
    expect(
      await waitFor(() => finishedState(queue, `${notificationJobId(job.dedupeKey)}-replay`), {
        what: 'replay finished',
      }),
    ).toBe('completed');
    const replay = await queue.getJob(`${notificationJobId(job.dedupeKey)}-replay`);
    expect(replay?.returnvalue).toEqual({
      dedupeKey: job.dedupeKey,
      channels: { inbox: 'skipped', webhook: 'skipped' },
    });
    expect(requests).toHaveLength(2);
    expect(await inboxRows(job.dedupeKey)).toHaveLength(1);
    expect(await deliveryOn(job.dedupeKey, 'webhook')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('delivers once when two jobs with one dedupe key run at the same time', async () => {
    const { producer, queue } = await start(() => ({ status: 200, afterMs: 150 }));
    const job: SendNotificationJob = {
      recipient: { userId: randomUUID() },
      templateKey: 'system.test',
      data: { message: '重复' },
      dedupeKey: `twins-${randomUUID()}`,
    };
    const ids = ['a', 'b'].map((suffix) => `${notificationJobId(job.dedupeKey)}-${suffix}`);
    await Promise.all(ids.map((jobId) => send(producer, job, { jobId })));

    for (const id of ids)
      expect(await waitFor(() => finishedState(queue, id), { what: `job ${id}` })).toBe('completed');
    expect(receiver?.requests).toHaveLength(1);
    expect(await deliveryOn(job.dedupeKey, 'webhook')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await inboxRows(job.dedupeKey)).toHaveLength(1);
  });

  it('records a webhook that keeps failing as dead after NOTIFY_MAX_ATTEMPTS attempts, with the last error', async () => {
    const { producer, queue } = await start(() => 500, { NOTIFY_MAX_ATTEMPTS: '2' });
    const job: SendNotificationJob = {
      recipient: { personId: randomUUID() },
      templateKey: 'system.test',
      data: { message: '停水通知' },
      dedupeKey: `dead-${randomUUID()}`,
    };
    await send(producer, job);

    expect(
      await waitFor(() => finishedState(queue, notificationJobId(job.dedupeKey)), { what: 'job failed for good' }),
    ).toBe('failed');
    const webhook = await deliveryOn(job.dedupeKey, 'webhook');
    expect(webhook).toMatchObject({
      status: 'dead',
      attempts: 2,
      last_error: 'webhook answered HTTP 500',
      delivered_at: null,
    });
    expect(receiver?.requests).toHaveLength(2);
    expect(new Set(receiver?.requests.map((r) => r.headers[WebhookHeader.Delivery]))).toEqual(new Set([webhook?.id]));
    // The inbox succeeded on the first attempt and was not repeated.
    expect(await deliveryOn(job.dedupeKey, 'inbox')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await inboxRows(job.dedupeKey)).toHaveLength(1);
    const failed = await queue.getJob(notificationJobId(job.dedupeKey));
    expect(failed?.attemptsMade).toBe(2);
  });

  it('fails a job whose data lacks a template variable at once, recording the error and sending nothing', async () => {
    const { producer, queue } = await start(() => 200);
    const job: SendNotificationJob = {
      recipient: { userId: randomUUID() },
      templateKey: 'system.test',
      data: { text: '变量名写错了' },
      dedupeKey: `missing-${randomUUID()}`,
    };
    await send(producer, job);

    expect(await waitFor(() => finishedState(queue, notificationJobId(job.dedupeKey)), { what: 'job failed' })).toBe(
      'failed',
    );
    const failed = await queue.getJob(notificationJobId(job.dedupeKey));
    expect(failed?.failedReason).toBe('template "system.test": missing variable "message"');
    expect(failed?.attemptsMade).toBe(1);
    const rows = await deliveries(job.dedupeKey);
    expect(rows.map((r) => [r.channel, r.status, r.attempts, r.last_error])).toEqual([
      ['inbox', 'dead', 1, 'template "system.test": missing variable "message"'],
      ['webhook', 'dead', 1, 'template "system.test": missing variable "message"'],
    ]);
    expect(await inboxRows(job.dedupeKey)).toHaveLength(0);
    expect(receiver?.requests).toHaveLength(0);
  });

  it('refuses an unknown template and a payload without a recipient without retrying', async () => {
    const { producer, queue } = await start(() => 200);
    const unknown: SendNotificationJob = {
      recipient: { userId: randomUUID() },
      templateKey: 'nobody.defined',
      data: {},
      dedupeKey: `unknown-${randomUUID()}`,
    };
    const anonymous: SendNotificationJob = {
      recipient: {},
      templateKey: 'system.test',
      data: { message: 'x' },
      dedupeKey: `anonymous-${randomUUID()}`,
    };
    await send(producer, unknown);
    await send(producer, anonymous);

    expect(await waitFor(() => finishedState(queue, notificationJobId(unknown.dedupeKey)))).toBe('failed');
    expect(await waitFor(() => finishedState(queue, notificationJobId(anonymous.dedupeKey)))).toBe('failed');
    expect((await queue.getJob(notificationJobId(unknown.dedupeKey)))?.failedReason).toBe(
      'unknown notification template "nobody.defined"',
    );
    expect((await queue.getJob(notificationJobId(anonymous.dedupeKey)))?.failedReason).toContain(
      'recipient needs a userId or a personId',
    );
    expect((await deliveries(unknown.dedupeKey)).map((r) => r.status)).toEqual(['dead', 'dead']);
    expect(await deliveries(anonymous.dedupeKey)).toHaveLength(0);
    expect(receiver?.requests).toHaveLength(0);
  });

  it('delivers to the inbox only when the job names it, and records a channel that is not enabled as dead', async () => {
    const { producer, queue } = await start(() => 200);
    const personId = randomUUID();
    const inboxOnly: SendNotificationJob = {
      recipient: { personId },
      templateKey: 'system.test',
      data: { message: '仅站内' },
      dedupeKey: `inbox-only-${randomUUID()}`,
      channels: ['inbox'],
    };
    const sms: SendNotificationJob = {
      recipient: { personId },
      templateKey: 'system.test',
      data: { message: '短信' },
      dedupeKey: `sms-${randomUUID()}`,
      channels: ['inbox', 'sms'],
    };
    await send(producer, inboxOnly);
    await send(producer, sms);

    expect(await waitFor(() => finishedState(queue, notificationJobId(inboxOnly.dedupeKey)))).toBe('completed');
    expect(await waitFor(() => finishedState(queue, notificationJobId(sms.dedupeKey)))).toBe('completed');
    expect((await deliveries(inboxOnly.dedupeKey)).map((r) => [r.channel, r.status])).toEqual([['inbox', 'sent']]);
    expect((await deliveries(sms.dedupeKey)).map((r) => [r.channel, r.status, r.last_error])).toEqual([
      ['inbox', 'sent', null],
      ['sms', 'dead', 'channel is not enabled in this deployment'],
    ]);
    expect(receiver?.requests).toHaveLength(0);
    const [row] = await inboxRows(inboxOnly.dedupeKey);
    expect(row).toMatchObject({
      recipient_user_id: null,
      recipient_person_id: personId,
      title: '测试通知',
      body: '这是一条测试通知：仅站内',
    });
  });
});
