import { loadLinliConfig } from '@linli/composition';
import { LinliConfig } from '@linli/platform';
import { currentRun, currentWorker, databaseUrlFor, workerDatabaseName } from './test-run';

/** Fixed test secrets: never used outside tests. */
const TEST_ENV = {
  NODE_ENV: 'test',
  JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  NOTIFY_WEBHOOK_SECRET: 'test-webhook-secret-0123',
  LINLI_ADMIN_USERNAME: 'admin',
  LINLI_ADMIN_PASSWORD: 'admin-password-123',
  OUTBOX_POLL_MS: '50',
  LOG_LEVEL: 'silent',
  // Specs that read the logs (LOG_DESTINATION) parse JSON lines.
  LOG_FORMAT: 'json',
  // Every spec logs its users in from 127.0.0.1; the per-address login limit is tested where it is set explicitly.
  THROTTLE_LOGIN_IP_LIMIT: '1000',
};

/** Redis key prefix of this Jest worker: isolated from other workers and from development data. */
export function testQueuePrefix(): string {
  return `linli-test-${currentRun()}-w${currentWorker()}`;
}

/**
 * The configuration of an app booted by a test: this worker's own database and Redis prefix.
 * `env` overrides any variable (e.g. `{ LINLI_MODULES: '' }`).
 */
export function testConfig(env: Record<string, string | undefined> = {}): LinliConfig {
  return loadLinliConfig(testVariables(env));
}

/** The variables of `testConfig`, for apps a spec runs as processes of their own. */
export function testVariables(env: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    ...TEST_ENV,
    DATABASE_URL: databaseUrlFor(workerDatabaseName(currentRun(), currentWorker())),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: testQueuePrefix(),
    LINLI_LOCAL_DIR: `/tmp/linli-test-${currentRun()}`,
    ...env,
  };
}

export const TEST_ADMIN = { username: TEST_ENV.LINLI_ADMIN_USERNAME, password: TEST_ENV.LINLI_ADMIN_PASSWORD };
