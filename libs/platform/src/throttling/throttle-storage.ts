import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
import { LinliConfig } from '../config/linli-config';
import { redisOptionsFromUrl } from '../messaging/bull-config';

/**
 * The throttler's counters in Redis, under the deployment's hash-tagged prefix
 * (`{<QUEUE_PREFIX>}:throttle:…`): one Redis Cluster slot with the queues, and test runs (each with
 * its own prefix) never share counters. Reuses the storage package's atomic Lua script.
 */
export class ThrottleStorage extends ThrottlerStorageRedisService implements OnModuleDestroy {
  private readonly logger = new Logger('Throttling');
  readonly keyPrefix: string;

  constructor(config: LinliConfig) {
    const redis = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      // Fail fast when Redis is away: the guard then lets the request through (and logs it).
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    super(redis);
    redis.on('error', (error: Error) => this.logger.warn(`throttling Redis: ${error.message}`));
    this.keyPrefix = `{${config.queuePrefix}}:throttle`;
  }

  override async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.keyPrefix}:${throttlerName}:${key}`;
    const results = (await this.redis.call(
      'eval',
      this.scriptSrc,
      2,
      `${base}:hits`,
      `${base}:blocked`,
      throttlerName,
      ttl,
      limit,
      blockDuration,
    )) as number[];
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = results;
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpire / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000),
    };
  }

  /** How many times `key` was blocked within the last day (the login backoff's exponent). */
  async strikes(key: string): Promise<number> {
    return Number((await this.redis.get(`${this.keyPrefix}:strikes:${key}`)) ?? 0);
  }

  async addStrike(key: string): Promise<void> {
    const strikeKey = `${this.keyPrefix}:strikes:${key}`;
    await this.redis
      .multi()
      .incr(strikeKey)
      .expire(strikeKey, 24 * 3600)
      .exec();
  }

  override onModuleDestroy(): void {
    this.redis.disconnect(false);
  }
}
