import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { resolve } from 'node:path';
import { ConfigError } from './config.error';
import { Environment } from './environment';
import { LinliConfig } from './linli-config';
import { LocalSecrets, readOrCreateLocalSecrets } from './local-secrets';

export interface LoadConfigOptions {
  /** Names of the domain modules this build knows; `LINLI_MODULES` may only name these. */
  knownModules?: readonly string[];
}

function flatten(errors: ValidationError[]): { variable: string; message: string }[] {
  return errors.map((error) => ({
    variable: error.property,
    message: Object.values(error.constraints ?? {}).join('; ') || 'is invalid',
  }));
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function booleanOf(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === 'true' || value === '1';
}

/** `TRUST_PROXY` as Fastify's `trustProxy` option; off unless set. */
function trustProxyOf(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((part) => part.trim())
    .join(',');
}

/** Reads and validates the environment once; throws `ConfigError` naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): LinliConfig {
  const env = plainToInstance(Environment, { ...source });
  const problems = flatten(validateSync(env, { whitelist: false }));

  const timeZone = env.BUSINESS_TIME_ZONE ?? 'Asia/Shanghai';
  if (!isValidTimeZone(timeZone))
    problems.push({ variable: 'BUSINESS_TIME_ZONE', message: `unknown time zone "${timeZone}"` });

  const known = options.knownModules;
  const modules =
    env.LINLI_MODULES === undefined
      ? [...(known ?? [])]
      : env.LINLI_MODULES.split(',')
          .map((m) => m.trim())
          .filter(Boolean);
  const unknown = known ? modules.filter((m) => !known.includes(m)) : [];
  if (unknown.length > 0) {
    problems.push({
      variable: 'LINLI_MODULES',
      message: `unknown module(s) ${unknown.join(', ')}; known: ${known?.join(', ') || '(none)'}`,
    });
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const badOrigins = corsOrigins.filter((o) => !/^https?:\/\/[^\s/?#]+$/.test(o));
  if (badOrigins.length > 0) {
    problems.push({
      variable: 'CORS_ORIGINS',
      message: `not an origin (scheme://host[:port], no path): ${badOrigins.join(', ')}`,
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const nodeEnv = (env.NODE_ENV ?? 'development') as LinliConfig['nodeEnv'];
  const localDir = resolve(env.LINLI_LOCAL_DIR ?? '.linli');
  const needsLocal = !env.JWT_SECRET || !env.PII_ENCRYPTION_KEY || !env.NOTIFY_WEBHOOK_SECRET;
  const local: LocalSecrets | undefined =
    needsLocal && nodeEnv !== 'production' ? readOrCreateLocalSecrets(localDir) : undefined;
  // In production the validation above guarantees both secrets; elsewhere the local file supplies missing ones.
  const jwtSecret = env.JWT_SECRET ?? local?.jwtSecret ?? '';
  const piiKey = env.PII_ENCRYPTION_KEY ?? local?.piiKey ?? '';

  const config = new LinliConfig();
  config.nodeEnv = nodeEnv;
  config.port = env.PORT ?? 3000;
  config.schedulerPort = env.SCHEDULER_PORT ?? 3001;
  config.notifierPort = env.NOTIFIER_PORT ?? 3002;
  config.databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/linli';
  config.redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  config.modules = modules;
  config.jwtSecret = jwtSecret;
  config.jwtTtlSeconds = env.JWT_TTL_SECONDS ?? 8 * 3600;
  config.authCacheSeconds = env.AUTH_CACHE_SECONDS ?? 30;
  config.queueLockSeconds = env.QUEUE_LOCK_SECONDS ?? 30;
  config.piiKey = Buffer.from(piiKey, 'base64');
  config.queuePrefix = env.QUEUE_PREFIX ?? 'linli';
  config.timeZone = timeZone;
  config.adminUsername = env.LINLI_ADMIN_USERNAME ?? 'admin';
  config.adminPassword = env.LINLI_ADMIN_PASSWORD;
  config.logLevel = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info');
  config.logFormat = (env.LOG_FORMAT ?? (nodeEnv === 'production' ? 'json' : 'pretty')) as LinliConfig['logFormat'];
  config.bodyLimitBytes = env.BODY_LIMIT_BYTES ?? 1024 * 1024;
  config.outboxPollMs = env.OUTBOX_POLL_MS ?? 250;
  config.webhook = {
    url: env.NOTIFY_WEBHOOK_URL,
    secret: env.NOTIFY_WEBHOOK_SECRET ?? local?.webhookSecret ?? '',
    timeoutMs: env.NOTIFY_WEBHOOK_TIMEOUT_MS ?? 5000,
  };
  config.hotline = { secret: env.CASES_HOTLINE_SECRET, accountId: env.CASES_HOTLINE_ACCOUNT_ID };
  config.notifyMaxAttempts = env.NOTIFY_MAX_ATTEMPTS ?? 5;
  config.localDir = localDir;
  config.trustProxy = trustProxyOf(env.TRUST_PROXY);
  config.corsOrigins = corsOrigins;
  const outsideProduction = nodeEnv !== 'production';
  config.docsEnabled = booleanOf(env.DOCS_ENABLED) ?? outsideProduction;
  config.metrics = { enabled: booleanOf(env.METRICS_ENABLED) ?? outsideProduction, token: env.METRICS_TOKEN };
  const loginTtl = env.THROTTLE_LOGIN_TTL_SECONDS ?? 60;
  config.throttle = {
    login: {
      limit: env.THROTTLE_LOGIN_LIMIT ?? 10,
      ttlSeconds: loginTtl,
      blockSeconds: env.THROTTLE_LOGIN_BLOCK_SECONDS ?? 60,
    },
    loginClient: { limit: env.THROTTLE_LOGIN_IP_LIMIT ?? 30, ttlSeconds: loginTtl },
    piiLookup: { limit: env.THROTTLE_PII_LOOKUP_LIMIT ?? 30, ttlSeconds: env.THROTTLE_PII_LOOKUP_TTL_SECONDS ?? 60 },
    code: { limit: env.THROTTLE_CODE_LIMIT ?? 10, ttlSeconds: env.THROTTLE_CODE_TTL_SECONDS ?? 60 },
  };
  return config;
}
