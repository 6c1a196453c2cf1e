import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString, OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { SCHEMA_FILE, SCHEMA_HEADER } from './schema-file';

/** openapi-typescript's types for the document, formatted with the repository's Prettier settings. */
async function render(document: OpenAPIObject): Promise<string> {
  // Nest's document type and openapi-typescript's describe the same JSON, typed differently.
  const ast = await openapiTS(document as unknown as OpenAPI3, { silent: true });
  const prettier = await resolveConfig(SCHEMA_FILE);
  return format(SCHEMA_HEADER + astToString(ast), { ...prettier, filepath: SCHEMA_FILE });
}

/** The child process of `schemaSourceOf`: an OpenAPI document (JSON) on stdin, the TypeScript source on stdout. */
async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  process.stdout.write(await render(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OpenAPIObject));
}

main().catch((error: unknown) => {
  process.stderr.write(`render-schema: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
