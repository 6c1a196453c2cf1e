import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createApiApp } from '@linli/composition';
import {
  BusinessCalendar,
  JobName,
  JobQueue,
  LinliConfig,
  NewDomainEvent,
  Outbox,
  QueueName,
  RUN_SCHEDULE_JOB_OPTIONS,
  TransactionRunner,
} from '@linli/platform';
import { PointsConsistency } from '@linli/points';
import { AppName, AppProcess, freePort, spawnApp, waitHealthy } from '../lib/app-processes';

/**
 * Two schedulers and two notifiers as processes of their own, a stream of domain events through
 * the outbox into the points subscribers, recorded jobs queued twice per period (as two ticking
 * schedulers would), and `kill -9` of a scheduler and of a notifier at random moments, each
 * restarted. Then the books: every event applied once, every notification stored and delivered
 * once, every recorded run done once. Used by `npm run bench:scale` and, small, by a spec.
 */
export interface CrashRunOptions {
  /** The apps' variables (database, Redis prefix, secrets…); `config` is the same, loaded. */
  env: Record<string, string>;
  config: LinliConfig;
  events: number;
  /** Events per outbox transaction; a short pause between transactions spreads them over the kills. */
  batch: number;
  /** Pause between two outbox transactions (default 40 ms). */
  pauseMs?: number;
  /** `kill -9` rounds per kind (scheduler, notifier). */
  kills: number;
  /** Periods of the minute job queued twice each. */
  periods: number;
  random: () => number;
  log: (line: string) => void;
  /** Gives up waiting for the books to close after this long. */
  settleTimeoutMs?: number;
}

export interface CrashKill {
  atMs: number;
  victim: string;
  /** Entries written when it died: between 0 and all of them, it was mid-stream. */
  entriesBefore: number;
}

export interface CrashRunReport {
  events: number;
  rules: number;
  entries: number;
  processed: number;
  consistency: { clean: boolean; accounts: number; findings: unknown };
  notifications: {
    expected: number;
    stored: number;
    duplicated: number;
    deliveries: number;
    notSent: number;
    retried: number;
  };
  jobs: { pairs: number; rows: number; succeeded: number; running: number; takenOver: number; queued: number };
  kills: CrashKill[];
  ms: number;
  settled: boolean;
}

const EVENT_TYPE = 'bench.crash-service-hour';
const MINUTE_JOB = 'cases.escalate-overdue';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCrashScenario(options: CrashRunOptions): Promise<CrashRunReport> {
  const started = Date.now();
  const db = new Client({ connectionString: options.config.databaseUrl });
  await db.connect();
  const sql = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
  const processes = new Map<string, AppProcess>();
  let publisher: NestFastifyApplication | undefined;
  try {
    const code = `crash-${Date.now()}`;
    const [rule] = await sql<{ id: string }>(
      `INSERT INTO point_rules (code, current_version) VALUES ($1, 1) RETURNING id`,
      [code],
    );
    await sql(
      `INSERT INTO point_rule_versions (rule_id, version, name, event_type, filters, actor_roles, account_kind, points, per, caps, validity_months)
       VALUES ($1, 1, '志愿服务', $2, '{}', '{volunteer}', 'redeemable', 10, 'quantity', '{}', 24)`,
      [rule.id, EVENT_TYPE],
    );
    const people = (await sql<{ id: string }>(`SELECT id FROM people ORDER BY id LIMIT $1`, [options.events])).map(
      (row) => row.id,
    );
    if (people.length === 0) throw new Error('no people to credit');

    const ports = new Map<string, number>();
    for (const label of ['scheduler-1', 'scheduler-2', 'notifier-1', 'notifier-2']) ports.set(label, await freePort());
    const spawnOne = (app: AppName, index: number) => {
      const label = `${app}-${index + 1}`;
      const port = ports.get(label)!;
      const child = spawnApp(app, label, options.env, port, (line) => {
        if (/error|fatal/i.test(line)) options.log(line);
      });
      processes.set(label, child);
      return child;
    };
    for (const app of ['scheduler', 'notifier'] as const) for (const i of [0, 1]) spawnOne(app, i);
    await waitHealthy([...processes.values()]);
    options.log(`4 workers up after ${Date.now() - started} ms`);

    publisher = await createApiApp(options.config);
    await publisher.init();
    const outbox = publisher.get(Outbox, { strict: false });
    const transactions = publisher.get(TransactionRunner, { strict: false });
    const schedules = publisher.get(JobQueue, { strict: false }).get(QueueName.Schedules);
    const calendar = publisher.get(BusinessCalendar, { strict: false });

    // Recorded runs: the minute job for a few past minutes, each queued twice, with the job schedulers' retries.
    const pairs: string[] = [];
    let minute = calendar.previousPeriodOf(new Date(), 'minute');
    for (let i = 0; i < options.periods; i++) {
      pairs.push(minute.key);
      minute = calendar.previousPeriodOf(new Date(minute.start.getTime()), 'minute');
    }
    for (const period of pairs)
      for (let copy = 0; copy < 2; copy++)
        await schedules.add(JobName.RunSchedule, { schedule: MINUTE_JOB, period }, RUN_SCHEDULE_JOB_OPTIONS);

    const entriesNow = async () =>
      Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM point_entries WHERE rule_id = $1`, [rule.id]))[0].n);
    const kills: CrashKill[] = [];
    const chaos = (async () => {
      for (let round = 0; round < options.kills * 2; round++) {
        await sleep(800 + options.random() * 2200);
        const app: AppName = round % 2 === 0 ? 'scheduler' : 'notifier';
        const index = options.random() < 0.5 ? 0 : 1;
        const victim = processes.get(`${app}-${index + 1}`)!;
        const entriesBefore = await entriesNow();
        await victim.kill();
        kills.push({ atMs: Date.now() - started, victim: victim.name, entriesBefore });
        options.log(`kill -9 ${victim.name} at ${entriesBefore} entries`);
        await sleep(300 + options.random() * 1200);
        spawnOne(app, index);
      }
    })();

    for (let start = 0; start < options.events; start += options.batch) {
      const events: NewDomainEvent[] = Array.from(
        { length: Math.min(options.batch, options.events - start) },
        (_, i) => ({
          type: EVENT_TYPE,
          occurredAt: new Date(Date.now() - 3600_000 + start + i).toISOString(),
          actors: [{ personId: people[(start + i) % people.length], role: 'volunteer' }],
          quantity: 1,
          data: { serviceId: `${code}-${start + i}` },
        }),
      );
      await transactions.run((manager) => outbox.publish(manager, events));
      await sleep(options.pauseMs ?? 40);
    }
    options.log(`published after ${Date.now() - started} ms`);
    await chaos;
    await waitHealthy([...processes.values()]);
    options.log(`chaos over, all up after ${Date.now() - started} ms`);

    const deadline = Date.now() + (options.settleTimeoutMs ?? 600_000);
    const books = async () => {
      const [row] = await sql<Record<string, string>>(
        `SELECT (SELECT count(*) FROM point_entries WHERE rule_id = $1) AS entries,
                (SELECT count(*) FROM processed_events p JOIN outbox_events o ON o.id = p.event_id
                  WHERE o.type = $2 AND p.subscriber = 'points') AS processed,
                (SELECT count(*) FROM job_runs WHERE job = $3 AND period_key = ANY($4) AND status = 'succeeded') AS succeeded`,
        [rule.id, EVENT_TYPE, MINUTE_JOB, pairs],
      );
      return row;
    };
    let settled = false;
    for (;;) {
      const row = await books();
      const jobsDone = Number(row.succeeded) === pairs.length;
      // Not 'delayed': the registered job schedulers' next firings wait there.
      const waiting = await schedules.getJobCounts('waiting', 'active');
      if (Number(row.entries) >= options.events && Number(row.processed) >= options.events && jobsDone) {
        const notifications = await notificationCounts(sql, people, options.events);
        if (notifications.stored >= notifications.expected && Object.values(waiting).every((n) => n === 0)) {
          settled = true;
          break;
        }
      }
      if (Date.now() > deadline) {
        options.log(`not settled: ${JSON.stringify({ ...row, waiting, pairs: pairs.length })}`);
        break;
      }
      await sleep(250);
    }
    const final = await books();
    const notifications = await notificationCounts(sql, people, options.events);
    const [jobRows] = await sql<Record<string, string>>(
      `SELECT count(*) AS rows, count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
              count(*) FILTER (WHERE status = 'running') AS running, count(*) FILTER (WHERE attempts > 1) AS taken_over
         FROM job_runs WHERE job = $1 AND period_key = ANY($2)`,
      [MINUTE_JOB, pairs],
    );
    const consistency = await publisher.get(PointsConsistency, { strict: false }).check();
    return {
      events: options.events,
      rules: 1,
      entries: Number(final.entries),
      processed: Number(final.processed),
      consistency: {
        clean: consistency.clean,
        accounts: consistency.accounts,
        findings: consistency.clean ? null : consistency,
      },
      notifications,
      jobs: {
        pairs: pairs.length,
        queued: pairs.length * 2,
        rows: Number(jobRows.rows),
        succeeded: Number(jobRows.succeeded),
        running: Number(jobRows.running),
        takenOver: Number(jobRows.taken_over),
      },
      kills,
      ms: Date.now() - started,
      settled,
    };
  } finally {
    await publisher?.close().catch(() => undefined);
    await Promise.all([...processes.values()].map((child) => child.stop()));
    await db.end();
  }
}

/**
 * One `points.earned` notice per credited event is expected: for the people credited (the
 * crediting is per actor), stored once (unique by recipient and dedupe key) and delivered once.
 */
async function notificationCounts(
  sql: <T>(text: string, params?: unknown[]) => Promise<T[]>,
  people: string[],
  events: number,
): Promise<CrashRunReport['notifications']> {
  const [row] = await sql<Record<string, string>>(
    `SELECT (SELECT count(*) FROM notifications WHERE template_key = 'points.earned' AND recipient_person_id = ANY($1::uuid[])) AS stored,
            (SELECT count(*) FROM (SELECT 1 FROM notifications WHERE recipient_person_id = ANY($1::uuid[])
               GROUP BY recipient_person_id, dedupe_key HAVING count(*) > 1) d) AS duplicated,
            (SELECT count(*) FROM notification_deliveries WHERE recipient_person_id = ANY($1::uuid[])) AS deliveries,
            (SELECT count(*) FROM notification_deliveries WHERE recipient_person_id = ANY($1::uuid[]) AND status <> 'sent') AS not_sent,
            (SELECT count(*) FROM notification_deliveries WHERE recipient_person_id = ANY($1::uuid[]) AND attempts > 1) AS retried`,
    [people],
  );
  return {
    expected: events,
    stored: Number(row.stored),
    duplicated: Number(row.duplicated),
    deliveries: Number(row.deliveries),
    notSent: Number(row.not_sent),
    retried: Number(row.retried),
  };
}
