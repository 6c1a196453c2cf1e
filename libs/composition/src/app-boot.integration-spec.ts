import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ScheduleRegistry } from '@linli/platform';
import { bootApi, bootNotifier, bootScheduler, resetState } from '@linli/testing';
import { DOMAIN_CATALOG } from './domain-catalog';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');

async function startApp(app: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, ['-r', join(root, 'tools/register.js'), join(root, `apps/${app}/src/main.ts`)], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 60000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? '' };
  }
}

describe('app start-up', () => {
  it.each(['api', 'scheduler', 'notifier'])(
    '%s refuses to start on invalid configuration, naming the variable',
    async (app) => {
      const result = await startApp(app, { REDIS_URL: 'http://not-redis', LINLI_LOCAL_DIR: '/tmp/linli-boot-test' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('REDIS_URL');
      expect(result.stderr).toContain('redis://');
    },
  );

  it('refuses an unknown module name in LINLI_MODULES', async () => {
    const result = await startApp('api', { LINLI_MODULES: 'no-such-module', LINLI_LOCAL_DIR: '/tmp/linli-boot-test' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('LINLI_MODULES');
    expect(result.stderr).toContain('no-such-module');
  });

  it('refuses to start in production without secrets', async () => {
    const result = await startApp('api', { NODE_ENV: 'production' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('JWT_SECRET');
    expect(result.stderr).toContain('PII_ENCRYPTION_KEY');
  });
});

describe('module selection', () => {
  beforeAll(() => resetState());

  const subsets = [
    { label: 'no domain module', modules: '' },
    ...DOMAIN_CATALOG.map((d) => ({ label: `only ${d.name}`, modules: d.name })),
  ];

  it.each(subsets)('boots api, scheduler and notifier with $label', async ({ modules }) => {
    const api = await bootApi({ env: { LINLI_MODULES: modules } });
    const scheduler = await bootScheduler({ env: { LINLI_MODULES: modules } });
    const notifier = await bootNotifier({ env: { LINLI_MODULES: modules } });
    try {
      expect((await api.get('/ready')).status).toBe(200);
      const document = (await api.get('/docs-json')).body as {
        paths: Record<string, Record<string, { tags?: string[] }>>;
      };
      const tags = Object.values(document.paths).flatMap((operations) =>
        Object.values(operations).flatMap((operation) => operation.tags ?? []),
      );
      for (const domain of DOMAIN_CATALOG) {
        const mounted = tags.some((tag) => tag.startsWith(`${domain.name}/`));
        expect({ domain: domain.name, mounted }).toEqual({
          domain: domain.name,
          mounted: modules.split(',').includes(domain.name),
        });
      }
      // The workers are up (PostgreSQL and Redis reached), and the scheduler runs the kernel's
      // schedules and those of the enabled domains only.
      expect((await scheduler.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      expect((await notifier.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      const schedules = scheduler.get(ScheduleRegistry).names();
      expect(schedules).toContain('outbox.cleanup');
      const owners = [...new Set(schedules.map((name) => name.split('.')[0]))].sort();
      const expectedOwners = [
        'outbox',
        ...DOMAIN_CATALOG.map((d) => d.name).filter((name) => modules.split(',').includes(name)),
      ].sort();
      expect({ modules, owners }).toEqual({ modules, owners: expectedOwners });
    } finally {
      await Promise.all([api.close(), scheduler.close(), notifier.close()]);
    }
  });
});
