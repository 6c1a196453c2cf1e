/** The validated configuration every app and lib reads. Built once at boot by `loadConfig`. */
export class LinliConfig {
  nodeEnv: 'development' | 'production' | 'test';
  /** api port. */
  port: number;
  /** Health-only HTTP port of the scheduler and of the notifier. */
  schedulerPort: number;
  notifierPort: number;
  databaseUrl: string;
  redisUrl: string;
  /** Enabled domain modules, in the order given. */
  modules: string[];
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** 32-byte AES-256-GCM key for personal data. */
  piiKey: Buffer;
  /** BullMQ key prefix; wrapped in a hash tag (`{linli}`) so every key of a deployment lands in one Redis Cluster slot. */
  queuePrefix: string;
  timeZone: string;
  adminUsername: string;
  adminPassword: string | undefined;
  logLevel: string;
  bodyLimitBytes: number;
  outboxPollMs: number;
  webhook: { url: string | undefined; secret: string; timeoutMs: number };
  notifyMaxAttempts: number;
  localDir: string;
}
