import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthenticatedUser, Clock, JobQueue, NotFoundProblem, SendNotificationJob } from '@linli/platform';
import {
  bootApi,
  bootNotifier,
  createPerson,
  createUnitTree,
  resetState,
  smallDistrict,
  TEST_ADMIN,
  TestApi,
  waitFor,
  withTestDb,
} from '@linli/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InboxService } from './inbox.service';
import { Notification } from './notification.entity';

type Caller = Pick<AuthenticatedUser, 'userId' | 'personId'>;

async function inboxCount(dedupeKeys: string[]): Promise<number> {
  return withTestDb(async (db) =>
    Number(
      (await db.query('SELECT count(*) AS n FROM notifications WHERE dedupe_key = ANY($1)', [dedupeKeys])).rows[0].n,
    ),
  );
}

/** Queues notifications through the real queue and waits until the notifier has stored all of them. */
async function deliver(notifier: NestFastifyApplication, jobs: SendNotificationJob[]): Promise<void> {
  const producer = notifier.get(JobQueue);
  for (const job of jobs) await producer.notify(job);
  await waitFor(async () => (await inboxCount(jobs.map((j) => j.dedupeKey))) === jobs.length, { what: 'inbox rows' });
}

function notice(recipient: SendNotificationJob['recipient'], message: string): SendNotificationJob {
  return { recipient, templateKey: 'system.test', data: { message }, dedupeKey: `inbox-spec-${randomUUID()}` };
}

describe('inbox (service against the database, fed by the notifier)', () => {
  let notifier: NestFastifyApplication;
  let inbox: InboxService;
  const alice: Caller = { userId: randomUUID(), personId: null };
  const bob: Caller = { userId: randomUUID(), personId: randomUUID() };

  beforeAll(async () => {
    await resetState();
    notifier = await bootNotifier();
    inbox = new InboxService(notifier.get(DataSource).getRepository(Notification), notifier.get(Clock));
  });
  afterAll(() => notifier.close());

  it("lists a notification for its recipient only, and refuses to mark someone else's read", async () => {
    const forAlice = notice({ userId: alice.userId }, '给 Alice');
    await deliver(notifier, [forAlice]);

    const page = await inbox.list(alice, {});
    expect(page.items.map((n) => n.body)).toEqual(['这是一条测试通知：给 Alice']);
    expect((await inbox.list(bob, {})).items).toEqual([]);
    await expect(inbox.markRead(bob, page.items[0].id)).rejects.toBeInstanceOf(NotFoundProblem);
    expect(await inbox.unreadCount(alice)).toBe(1);

    const read = await inbox.markRead(alice, page.items[0].id);
    expect(read.readAt).toBeInstanceOf(Date);
    const again = await inbox.markRead(alice, page.items[0].id);
    expect(again.readAt).toEqual(read.readAt);
    expect(await inbox.unreadCount(alice)).toBe(0);
  });

  it('shows a notification addressed to a person to the user linked to that person', async () => {
    const bobPerson = notice({ personId: bob.personId as string }, '给 Bob 本人');
    await deliver(notifier, [bobPerson]);

    expect((await inbox.list(bob, {})).items.map((n) => n.body)).toEqual(['这是一条测试通知：给 Bob 本人']);
    expect((await inbox.list(alice, {})).items.every((n) => n.dedupeKey !== bobPerson.dedupeKey)).toBe(true);
    expect((await inbox.list({ userId: randomUUID(), personId: null }, {})).items).toEqual([]);
  });

  it('pages newest first, filters unread and marks all read', async () => {
    const carol: Caller = { userId: randomUUID(), personId: randomUUID() };
    const jobs = [
      ...Array.from({ length: 3 }, (_, i) => notice({ userId: carol.userId }, `账号 ${i}`)),
      ...Array.from({ length: 2 }, (_, i) => notice({ personId: carol.personId as string }, `本人 ${i}`)),
    ];
    await deliver(notifier, jobs);

    const first = await inbox.list(carol, { limit: 2 });
    const second = await inbox.list(carol, { limit: 2, cursor: first.nextCursor ?? undefined });
    const third = await inbox.list(carol, { limit: 2, cursor: second.nextCursor ?? undefined });
    const all = [...first.items, ...second.items, ...third.items];
    expect(third.nextCursor).toBeNull();
    expect(new Set(all.map((n) => n.dedupeKey))).toEqual(new Set(jobs.map((j) => j.dedupeKey)));
    const order = all.map((n) => [n.createdAt.getTime(), n.id] as const);
    expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1)));

    await inbox.markRead(carol, all[0].id);
    expect((await inbox.list(carol, { unread: true })).items.map((n) => n.id)).toEqual(all.slice(1).map((n) => n.id));
    expect(await inbox.markAllRead(carol)).toBe(4);
    expect(await inbox.unreadCount(carol)).toBe(0);
    expect((await inbox.list(carol, { unread: true })).items).toEqual([]);
  });
});

describe('GET /api/v1/me/notifications and friends (over HTTP, logged in)', () => {
  let api: TestApi;
  let notifier: NestFastifyApplication;
  let adminToken: string;
  let residentToken: string;
  let adminId: string;
  let residentPersonId: string;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    notifier = await bootNotifier();
    adminToken = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const units = await createUnitTree(smallDistrict());
    residentPersonId = (await createPerson({ name: '居民一', residenceUnitId: units.get('楼栋A1-1')!.id })).id;
    const created = await api.post(
      '/api/v1/users',
      { username: 'resident-1', password: 'resident-password-1', personId: residentPersonId, displayName: '居民一' },
      adminToken,
    );
    expect(created.status).toBe(201);
    residentToken = await api.login('resident-1', 'resident-password-1');
    adminId = await withTestDb(
      async (db) =>
        (await db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [TEST_ADMIN.username])).rows[0].id,
    );
  });
  afterAll(async () => {
    await notifier?.close();
    await api?.close();
  });

  it("lists each caller's own notifications, lets only the recipient mark one read, and counts unread", async () => {
    const forAdmin = notice({ userId: adminId }, '管理员专属');
    const forResident = notice({ personId: residentPersonId }, '居民专属');
    await deliver(notifier, [forAdmin, forResident]);

    const adminInbox = await api.get('/api/v1/me/notifications', adminToken);
    expect(adminInbox.status).toBe(200);
    expect(adminInbox.body).toEqual({
      items: [
        {
          id: expect.any(String),
          templateKey: 'system.test',
          title: '测试通知',
          body: '这是一条测试通知：管理员专属',
          data: { message: '管理员专属' },
          createdAt: expect.any(String),
          readAt: null,
        },
      ],
      nextCursor: null,
    });
    const residentInbox = await api.get('/api/v1/me/notifications', residentToken);
    expect(residentInbox.body.items.map((n: { body: string }) => n.body)).toEqual(['这是一条测试通知：居民专属']);

    const adminItemId = adminInbox.body.items[0].id as string;
    const stolen = await api.post(`/api/v1/me/notifications/${adminItemId}/read`, {}, residentToken);
    expect(stolen.status).toBe(404);
    expect(stolen.body.code).toBe('resource.not-found');
    expect((await api.post('/api/v1/me/notifications/not-a-uuid/read', {}, adminToken)).body).toMatchObject({
      status: 400,
      code: 'validation.failed',
    });
    expect((await api.post(`/api/v1/me/notifications/${randomUUID()}/read`, {}, adminToken)).status).toBe(404);

    expect((await api.get('/api/v1/me/notifications/unread-count', adminToken)).body).toEqual({ count: 1 });
    const read = await api.post(`/api/v1/me/notifications/${adminItemId}/read`, {}, adminToken);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await api.get('/api/v1/me/notifications/unread-count', adminToken)).body).toEqual({ count: 0 });
    expect((await api.get('/api/v1/me/notifications?unread=true', adminToken)).body.items).toEqual([]);

    const readAll = await api.post('/api/v1/me/notifications/read-all', {}, residentToken);
    expect(readAll.body).toEqual({ updated: 1 });
    expect((await api.get('/api/v1/me/notifications/unread-count', residentToken)).body).toEqual({ count: 0 });
  });

  it('refuses callers without a token and bad query values', async () => {
    expect((await api.get('/api/v1/me/notifications')).status).toBe(401);
    const bad = await api.get('/api/v1/me/notifications?unread=maybe&limit=1000', adminToken);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'unread']);
  });

  it('documents the inbox routes in OpenAPI', async () => {
    const doc = await api.get('/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/me/notifications',
        '/api/v1/me/notifications/unread-count',
        '/api/v1/me/notifications/read-all',
        '/api/v1/me/notifications/{id}/read',
      ]),
    );
  });
});
