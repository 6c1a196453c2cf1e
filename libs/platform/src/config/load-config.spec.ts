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
});
