import Redis from 'ioredis';
import { Client } from 'pg';

export interface ServiceProblem {
  service: 'PostgreSQL' | 'Redis';
  url: string;
  error: string;
  howToStart: string;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function checkPostgres(databaseUrl: string): Promise<ServiceProblem | null> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return {
      service: 'PostgreSQL',
      url: redact(databaseUrl),
      error: (error as Error).message || String(error),
      howToStart:
        'start it (Debian/Ubuntu: `sudo pg_ctlcluster $(ls /etc/postgresql) main start`; macOS: `brew services start postgresql`) or point DATABASE_URL at a running server',
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(redisUrl: string): Promise<ServiceProblem | null> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => (lastError = error));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return {
      service: 'Redis',
      url: redact(redisUrl),
      error: lastError?.message ?? ((error as Error).message || String(error)),
      howToStart:
        'start it (`redis-server --daemonize yes --bind 127.0.0.1 --port 6379`; macOS: `brew services start redis`) or point REDIS_URL at a running server',
    };
  } finally {
    redis.disconnect();
  }
}

/** Both services, checked at once; an empty list means both answer. */
export async function checkServices(databaseUrl: string, redisUrl: string): Promise<ServiceProblem[]> {
  const results = await Promise.all([checkPostgres(databaseUrl), checkRedis(redisUrl)]);
  return results.filter((r): r is ServiceProblem => r !== null);
}
