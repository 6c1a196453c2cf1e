import {
  createPeople,
  currentWorker,
  createUnitTree,
  prepareWorkerDatabase,
  resetState,
  smallDistrict,
  testConfig,
  testVariables,
} from '@linli/testing';
import { runCrashScenario } from './crash-run';

/**
 * The small version of `npm run bench:scale`'s crash faults: two schedulers and two notifiers as
 * real processes, three `kill -9` of each kind mid-stream, every one restarted. Afterwards every
 * event is applied exactly once, every notification stored and delivered once, every recorded run
 * done once, and the ledger is consistent.
 */
/** Jobs of a killed worker are taken up again after 3 s (30 s by default). */
const CRASH_ENV = { OUTBOX_POLL_MS: '100', QUEUE_LOCK_SECONDS: '3' };

describe('crash faults: schedulers and notifiers killed mid-batch', () => {
  beforeAll(async () => {
    await prepareWorkerDatabase();
    await resetState();
  });

  it('applies every event once, loses and doubles no notification, and runs each recorded job once per period', async () => {
    const units = await createUnitTree(smallDistrict());
    const building = units.get('楼栋A1-1')!;
    await createPeople(Array.from({ length: 40 }, (_, i) => ({ name: `居民${i}`, residence: building })));
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const env = Object.fromEntries(
      Object.entries(testVariables(CRASH_ENV)).filter((entry): entry is [string, string] => !!entry[1]),
    );
    const report = await runCrashScenario({
      env,
      config: testConfig(CRASH_ENV),
      events: 600,
      batch: 20,
      pauseMs: 400,
      kills: 3,
      periods: 3,
      random,
      log: (line) => process.env.CRASH_LOG && process.stderr.write(`${line}\n`),
      settleTimeoutMs: 60_000,
    });

    expect(report.kills.filter((kill) => kill.victim.startsWith('scheduler'))).toHaveLength(3);
    expect(report.kills.filter((kill) => kill.victim.startsWith('notifier'))).toHaveLength(3);
    expect(report.settled).toBe(true);
    expect({ entries: report.entries, processed: report.processed }).toEqual({ entries: 600, processed: 600 });
    expect(report.consistency.clean).toBe(true);
    expect(report.notifications).toMatchObject({ stored: 600, duplicated: 0, deliveries: 600, notSent: 0 });
    expect(report.jobs).toMatchObject({ pairs: 3, rows: 3, succeeded: 3, running: 0 });
    // Four processes booted ten times and jobs taken up after their lock expired: longer than the usual guard.
  }, 240_000);
});
