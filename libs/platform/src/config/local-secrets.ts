import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  jwtSecret: string;
  piiKey: string;
  webhookSecret: string;
}

/**
 * Development-only secrets, generated once and kept in the git-ignored local folder so that a
 * restart can still read the personal data it encrypted yesterday. Production must set them.
 */
export function readOrCreateLocalSecrets(localDir: string): LocalSecrets {
  const file = join(localDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    piiKey: randomBytes(32).toString('base64'),
    webhookSecret: randomBytes(24).toString('base64url'),
  };
  mkdirSync(localDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
