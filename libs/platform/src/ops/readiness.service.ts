import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { BullConfig } from '../messaging/bull-config';

export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  checks: { database: 'up' | 'down'; redis: 'up' | 'down' };
}

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Answers whether PostgreSQL and Redis are reachable right now. */
@Injectable()
export class ReadinessService implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    private readonly dataSource: DataSource,
    bull: BullConfig,
  ) {
    this.redis = new Redis({
      ...bull.redis,
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 1000,
    });
    this.redis.on('error', () => undefined);
  }

  async check(): Promise<ReadinessReport> {
    const [database, redis] = await Promise.all([
      within(this.dataSource.query('SELECT 1'), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      within(this.pingRedis(), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    return { status: database === 'up' && redis === 'up' ? 'ready' : 'not-ready', checks: { database, redis } };
  }

  private async pingRedis(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    await this.redis.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
