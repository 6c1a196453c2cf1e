import type { OpenAPIObject } from '@nestjs/swagger';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export { committedFiles, GENERATED_DIR } from './schema-file';

const root = join(__dirname, '..', '..', '..');

/**
 * The files of libs/client/src/generated/ for an OpenAPI document (path under the folder → source):
 * the one function the generator and the stale check both call, so both produce the same bytes.
 *
 * It renders in a child process (render-schema.ts) because the stale check runs in Jest, whose
 * CommonJS runtime loads neither openapi-typescript's ESM-only dependencies nor Prettier 3 (which
 * imports its core dynamically); plain Node does.
 */
export function schemaFilesOf(document: OpenAPIObject): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-r', join(root, 'tools/register.js'), join(__dirname, 'render-schema.ts')],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${error.message}\n${stderr}`))
          : resolve(JSON.parse(stdout) as Record<string, string>),
    );
    child.stdin?.end(JSON.stringify(document));
  });
}
