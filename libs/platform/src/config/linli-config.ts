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
  /** How long an api process may reuse a caller's account and grants (dropped at once on any change to them); 0 = never. */
  authCacheSeconds: number;
  /** A worker's claim on a job, renewed while it runs; a dead process's jobs are taken up again after it. */
  queueLockSeconds: number;
  /** 32-byte AES-256-GCM key for personal data. */
  piiKey: Buffer;
  /** BullMQ key prefix; wrapped in a hash tag (`{linli}`) so every key of a deployment lands in one Redis Cluster slot. */
  queuePrefix: string;
  timeZone: string;
  adminUsername: string;
  adminPassword: string | undefined;
  logLevel: string;
  /** `pretty`: one short readable line per request (development); `json`: one JSON object per line (log collectors). */
  logFormat: 'pretty' | 'json';
  bodyLimitBytes: number;
  outboxPollMs: number;
  webhook: { url: string | undefined; secret: string; timeoutMs: number };
  /**
   * The 12345 hotline's intake: the HMAC secret it signs with (intake off without one) and the
   * account its status callbacks are addressed to (none without one).
   */
  hotline: { secret: string | undefined; accountId: string | undefined };
  notifyMaxAttempts: number;
  localDir: string;
  /** Fastify's `trustProxy`: false (default), true, a hop count, or proxy addresses/CIDRs. */
  trustProxy: boolean | number | string;
  /** Origins allowed by CORS; empty = CORS off (no CORS headers). */
  corsOrigins: string[];
  /** Swagger UI at /docs and the document at /docs-json. */
  docsEnabled: boolean;
  /** `/metrics` of the api; with a token, only `Authorization: Bearer <token>` reads it. */
  metrics: { enabled: boolean; token: string | undefined };
  /** Limits of the routes that opt in with `@ThrottleRoute(name)`. */
  throttle: ThrottleLimits;
}

export interface ThrottleWindow {
  /** Requests allowed per window and key. */
  limit: number;
  ttlSeconds: number;
}

export interface ThrottleLimits {
  /** Per username (from the body); over the limit the username is blocked for `blockSeconds`, doubling on each repeat. */
  login: ThrottleWindow & { blockSeconds: number };
  /** Login attempts per client (IP), whatever the username. */
  loginClient: ThrottleWindow;
  piiLookup: ThrottleWindow;
  code: ThrottleWindow;
}
