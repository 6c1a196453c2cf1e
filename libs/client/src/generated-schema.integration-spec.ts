import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildOpenApiDocument } from '@linli/composition';
import { bootApi, TestApi } from '@linli/testing';
import { SCHEMA_FILE, schemaSourceOf } from '../codegen/schema-source';

/** Where two sources part, for the failure message: the first differing line of each. */
function firstDifference(committed: string, current: string): string {
  const was = committed.split('\n');
  const is = current.split('\n');
  const line = was.findIndex((text, i) => text !== is[i]);
  const at = line === -1 ? was.length : line;
  return `first difference at line ${at + 1}:\n  committed: ${was[at] ?? '(end of file)'}\n  current:   ${is[at] ?? '(end of file)'}`;
}

describe('@linli/client generated schema', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api.close());

  it('matches the OpenAPI document of the api as it is now', async () => {
    const current = await schemaSourceOf(buildOpenApiDocument(api.app, api.config));
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (current !== committed) {
      throw new Error(
        `${relative(process.cwd(), SCHEMA_FILE)} is stale: the api's OpenAPI document changed since it was generated.\n` +
          `Run \`npm run client:generate\` and commit the result.\n${firstDifference(committed, current)}`,
      );
    }
  });

  it('is generated from the document the api serves at /docs-json', async () => {
    const served = await api.get('/docs-json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(api.app, api.config))));
  });
});
