import { Injectable } from '@nestjs/common';
import { DefaultJobOptions, QueueOptions, WorkerOptions } from 'bullmq';
import { RedisOptions } from 'ioredis';
import { LinliConfig } from '../config/linli-config';

export function redisOptionsFromUrl(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname && url.pathname !== '/' ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * The one BullMQ configuration of all three apps. Each Queue and Worker gets its own connection
 * built from these options (workers block on theirs), never a shared client object.
 */
@Injectable()
export class BullConfig {
  readonly redis: RedisOptions;
  /** Hash-tagged so that every key of a deployment shares one Redis Cluster slot. */
  readonly prefix: string;
  readonly defaultJobOptions: DefaultJobOptions = {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 24 * 3600, count: 10000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };

  /** How long a worker's claim on a job lasts unrenewed: a job of a process that died is taken up again after it. */
  readonly lockMs: number;

  constructor(config: LinliConfig) {
    this.redis = redisOptionsFromUrl(config.redisUrl);
    this.prefix = `{${config.queuePrefix}}`;
    this.lockMs = config.queueLockSeconds * 1000;
  }

  queueOptions(): QueueOptions {
    // Producers fail fast when Redis is away instead of buffering forever; callers retry.
    return {
      connection: { ...this.redis, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 },
      prefix: this.prefix,
      defaultJobOptions: this.defaultJobOptions,
    };
  }

  workerOptions(overrides: Partial<WorkerOptions> = {}): WorkerOptions {
    return {
      connection: { ...this.redis, maxRetriesPerRequest: null },
      prefix: this.prefix,
      lockDuration: this.lockMs,
      stalledInterval: this.lockMs,
      // A job stalls only when the process running it died (kill -9, a lost machine): it is taken up
      // again each time. BullMQ's default (1) would fail it, the event never applied, at a second crash.
      maxStalledCount: 100,
      ...overrides,
    };
  }
}
