import type { OpenAPIObject } from '@nestjs/swagger';
import { join } from 'node:path';
import openapiTS, { astToString, OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { GENERATED_DIR, SCHEMA_HEADER } from './schema-file';
import { splitSchema } from './split-schema';

/** openapi-typescript's types for the document, split by api area, each file formatted with the repository's Prettier settings. */
async function render(document: OpenAPIObject): Promise<Record<string, string>> {
  // Nest's document type and openapi-typescript's describe the same JSON, typed differently.
  const ast = await openapiTS(document as unknown as OpenAPI3, { silent: true });
  const index = join(GENERATED_DIR, 'schema.ts');
  const prettier = await resolveConfig(index);
  const whole = await format(SCHEMA_HEADER + astToString(ast), { ...prettier, filepath: index });
  const files: Record<string, string> = {};
  for (const [path, source] of Object.entries(splitSchema(whole, SCHEMA_HEADER)))
    files[path] = await format(source, { ...prettier, filepath: join(GENERATED_DIR, path) });
  return files;
}

/** The child process of `schemaFilesOf`: an OpenAPI document (JSON) on stdin, the files (JSON: path → source) on stdout. */
async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const files = await render(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OpenAPIObject);
  process.stdout.write(JSON.stringify(files));
}

main().catch((error: unknown) => {
  process.stderr.write(`render-schema: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
