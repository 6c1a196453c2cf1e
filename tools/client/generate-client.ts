import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildOpenApiDocument } from '@linli/composition';
import { bootApi, TEST_RUN_ENV } from '@linli/testing';
import { SCHEMA_FILE, schemaSourceOf } from '../../libs/client/codegen/schema-source';

const root = join(__dirname, '..', '..');

/** Runs one of the test harness's once-per-run scripts (template database; clean-up) as Jest's global set-up does. */
function runHarnessScript(script: 'global-setup' | 'global-teardown'): void {
  execFileSync(process.execPath, ['-r', join(root, 'tools/register.js'), join(root, `libs/testing/src/${script}.ts`)], {
    env: process.env,
    stdio: 'inherit',
  });
}

/**
 * `npm run client:generate`: writes libs/client/src/generated/schema.ts from the api's OpenAPI document.
 *
 * The api boots exactly as the specs boot it (the test harness: `bootApi()`, every module, test
 * configuration), so this file and the stale check (generated-schema.integration-spec.ts) read the
 * same document. The harness needs a migrated database: a test run of its own (template and worker
 * database on DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432, and Redis at
 * REDIS_URL), dropped when done.
 */
async function main(): Promise<void> {
  process.env[TEST_RUN_ENV] = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  runHarnessScript('global-setup');
  try {
    const api = await bootApi();
    try {
      writeFileSync(SCHEMA_FILE, await schemaSourceOf(buildOpenApiDocument(api.app, api.config)));
    } finally {
      await api.close();
    }
  } finally {
    runHarnessScript('global-teardown');
  }
  process.stdout.write(`wrote ${relative(root, SCHEMA_FILE)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`client:generate failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
