import { Module } from '@nestjs/common';
import {
  DomainEvent,
  DomainEventHandler,
  EventSubscriber,
  JobQueue,
  Outbox,
  TransactionRunner,
  defineNotificationTemplates,
} from '@linli/platform';
import {
  bootApi,
  bootNotifier,
  bootScheduler,
  createLoggedInUser,
  drain,
  resetState,
  withTestDb,
} from '@linli/testing';
import { EntityManager } from 'typeorm';

defineNotificationTemplates({ 'test.greeted': { title: '问候', body: '{{from}} 向您问好（第 {{count}} 次）' } });

/** A subscriber of a would-be domain: turns `test.person.greeted` into a notification for the greeted account. */
@EventSubscriber({ name: 'greetings', types: ['test.person.greeted'] })
class GreetingsSubscriber implements DomainEventHandler {
  constructor(private readonly jobs: JobQueue) {}

  async handle(event: DomainEvent, manager: EntityManager): Promise<void> {
    const data = event.data as { userId: string; from: string };
    await manager.query('INSERT INTO greetings_seen (event_id) VALUES ($1)', [event.id]);
    await this.jobs.notify({
      recipient: { userId: data.userId },
      templateKey: 'test.greeted',
      data: { from: data.from, count: 1 },
      dedupeKey: `greeted-${event.id}`,
    });
  }
}

@Module({ providers: [GreetingsSubscriber] })
class GreetingsModule {}

describe('the kernel pipeline across api, scheduler and notifier', () => {
  beforeAll(async () => {
    await resetState();
    await withTestDb((client) => client.query('CREATE TABLE IF NOT EXISTS greetings_seen (event_id uuid PRIMARY KEY)'));
  });
  // The worker's database is reused by later spec files: leave only migrated tables behind (the
  // table-ownership spec compares them with the declared ones).
  afterAll(() => withTestDb((client) => client.query('DROP TABLE IF EXISTS greetings_seen')));

  it('carries a committed event to the recipient inbox exactly once, and a rolled-back one nowhere', async () => {
    const api = await bootApi();
    const scheduler = await bootScheduler({ modules: [GreetingsModule] });
    const notifier = await bootNotifier();
    try {
      const resident = await createLoggedInUser(api, { role: 'auditor' });
      const outbox = api.app.get(Outbox);
      const transactions = api.app.get(TransactionRunner);
      const committed = await transactions.run((manager) =>
        outbox.publish(manager, { type: 'test.person.greeted', data: { userId: resident.id, from: '网格员小王' } }),
      );
      await expect(
        transactions.run(async (manager) => {
          await outbox.publish(manager, {
            type: 'test.person.greeted',
            data: { userId: resident.id, from: '不应出现' },
          });
          throw new Error('the command failed after publishing');
        }),
      ).rejects.toThrow('the command failed');

      await drain([scheduler, notifier]);

      const inbox = await api.get('/api/v1/me/notifications', resident.token);
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.map((n: { title: string; body: string }) => `${n.title}: ${n.body}`)).toEqual([
        '问候: 网格员小王 向您问好（第 1 次）',
      ]);
      const seen = await withTestDb((client) => client.query('SELECT event_id FROM greetings_seen'));
      expect(seen.rows).toEqual([{ event_id: committed.id }]);
    } finally {
      await Promise.all([api.close(), scheduler.close(), notifier.close()]);
    }
  });
});
