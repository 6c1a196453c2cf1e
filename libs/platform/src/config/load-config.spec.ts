import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

const localDir = () => mkdtempSync(join(tmpdir(), 'linli-config-'));

function problemsOf(env: NodeJS.ProcessEnv, knownModules?: string[]): string[] {
  try {
    loadConfig(env, { knownModules });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives documented defaults in development, with secrets kept in the local folder', () => {
    const dir = localDir();
    const config = loadConfig({ LINLI_LOCAL_DIR: dir }, { knownModules: ['organization', 'points'] });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/linli');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.modules).toEqual(['organization', 'points']);
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.port).toBe(3000);
    expect(config.piiKey).toHaveLength(32);
    // A second start reads the same secrets, so yesterday's cipher text stays readable.
    const again = loadConfig({ LINLI_LOCAL_DIR: dir });
    expect(again.jwtSecret).toBe(config.jwtSecret);
    expect(again.piiKey.equals(config.piiKey)).toBe(true);
  });

  it('names each invalid variable', () => {
    expect(problemsOf({ PORT: 'abc', LINLI_LOCAL_DIR: localDir() })).toEqual(['PORT']);
    expect(
      problemsOf({ DATABASE_URL: 'mysql://x', REDIS_URL: 'http://x', LINLI_LOCAL_DIR: localDir() }).sort(),
    ).toEqual(['DATABASE_URL', 'REDIS_URL']);
    expect(problemsOf({ BUSINESS_TIME_ZONE: 'Mars/Olympus', LINLI_LOCAL_DIR: localDir() })).toEqual([
      'BUSINESS_TIME_ZONE',
    ]);
    expect(problemsOf({ PII_ENCRYPTION_KEY: 'short', LINLI_LOCAL_DIR: localDir() })).toEqual(['PII_ENCRYPTION_KEY']);
  });

  it('refuses modules this build does not ship', () => {
    expect(
      problemsOf({ LINLI_MODULES: 'organization,parking', LINLI_LOCAL_DIR: localDir() }, ['organization']),
    ).toEqual(['LINLI_MODULES']);
    expect(
      loadConfig(
        { LINLI_MODULES: ' organization , ', LINLI_LOCAL_DIR: localDir() },
        { knownModules: ['organization', 'points'] },
      ).modules,
    ).toEqual(['organization']);
    expect(
      loadConfig({ LINLI_MODULES: '', LINLI_LOCAL_DIR: localDir() }, { knownModules: ['organization'] }).modules,
    ).toEqual([]);
  });

  it('requires real secrets in production instead of generating them', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).sort()).toEqual(['JWT_SECRET', 'PII_ENCRYPTION_KEY']);
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(40),
      PII_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    expect(config.jwtSecret).toBe('p'.repeat(40));
  });

  it('keeps proxies untrusted, CORS off and throttles on by default; docs and metrics off in production', () => {
    const config = loadConfig({ LINLI_LOCAL_DIR: localDir() });
    expect(config.trustProxy).toBe(false);
    expect(config.corsOrigins).toEqual([]);
    expect(config.docsEnabled).toBe(true);
    expect(config.metrics).toEqual({ enabled: true, token: undefined });
    expect(config.throttle).toEqual({
      login: { limit: 10, ttlSeconds: 60, blockSeconds: 60 },
      loginClient: { limit: 30, ttlSeconds: 60 },
      piiLookup: { limit: 30, ttlSeconds: 60 },
      code: { limit: 10, ttlSeconds: 60 },
    });
    const production = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(40),
      PII_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    expect(production.docsEnabled).toBe(false);
    expect(production.metrics.enabled).toBe(false);
  });

  it('logs pretty lines outside production and JSON in production, unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({ LINLI_LOCAL_DIR: localDir() }).logFormat).toBe('pretty');
    expect(loadConfig({ LINLI_LOCAL_DIR: localDir(), LOG_FORMAT: 'json' }).logFormat).toBe('json');
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(40),
      PII_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    };
    expect(loadConfig(production).logFormat).toBe('json');
    expect(loadConfig({ ...production, LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(problemsOf({ LINLI_LOCAL_DIR: localDir(), LOG_FORMAT: 'text' })).toEqual(['LOG_FORMAT']);
  });

  it('reads proxies, origins and switches', () => {
    const config = loadConfig({
      LINLI_LOCAL_DIR: localDir(),
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      CORS_ORIGINS: 'https://admin.example.cn, http://localhost:5173',
      DOCS_ENABLED: 'false',
      METRICS_TOKEN: 'metrics-token-0123456789',
      THROTTLE_LOGIN_LIMIT: '3',
    });
    expect(config.trustProxy).toBe('10.0.0.0/8,127.0.0.1');
    expect(config.corsOrigins).toEqual(['https://admin.example.cn', 'http://localhost:5173']);
    expect(config.docsEnabled).toBe(false);
    expect(config.metrics.token).toBe('metrics-token-0123456789');
    expect(config.throttle.login.limit).toBe(3);
    expect(loadConfig({ LINLI_LOCAL_DIR: localDir(), TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ LINLI_LOCAL_DIR: localDir(), TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(
      problemsOf({
        LINLI_LOCAL_DIR: localDir(),
        TRUST_PROXY: 'everyone',
        CORS_ORIGINS: 'https://ok.example.cn,https://bad.example.cn/path',
        DOCS_ENABLED: 'yes',
        METRICS_TOKEN: 'short',
        THROTTLE_CODE_LIMIT: '0',
      }).sort(),
    ).toEqual(['CORS_ORIGINS', 'DOCS_ENABLED', 'METRICS_TOKEN', 'THROTTLE_CODE_LIMIT', 'TRUST_PROXY']);
  });
});
