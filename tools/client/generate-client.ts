import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildOpenApiDocument } from '@linli/composition';
import { bootApi, TEST_RUN_ENV } from '@linli/testing';
import { committedFiles, GENERATED_DIR, schemaFilesOf } from '../../libs/client/codegen/schema-source';

const root = join(__dirname, '..', '..');

/** Runs one of the test harness's once-per-run scripts (template database; clean-up) as Jest's global set-up does. */
function runHarnessScript(script: 'global-setup' | 'global-teardown'): void {
  execFileSync(process.execPath, ['-r', join(root, 'tools/register.js'), join(root, `libs/testing/src/${script}.ts`)], {
    env: process.env,
    stdio: 'inherit',
  });
}

/**
 * `npm run client:generate`: writes libs/client/src/generated/ (schema.ts and its parts) from the api's
 * OpenAPI document, and removes the parts the document no longer has.
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
      const files = await schemaFilesOf(buildOpenApiDocument(api.app, api.config));
      for (const path of Object.keys(committedFiles())) if (!(path in files)) rmSync(join(GENERATED_DIR, path));
      for (const [path, source] of Object.entries(files)) {
        mkdirSync(dirname(join(GENERATED_DIR, path)), { recursive: true });
        writeFileSync(join(GENERATED_DIR, path), source);
      }
      process.stdout.write(`wrote ${Object.keys(files).length} files to ${relative(root, GENERATED_DIR)}\n`);
    } finally {
      await api.close();
    }
  } finally {
    runHarnessScript('global-teardown');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`client:generate failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
