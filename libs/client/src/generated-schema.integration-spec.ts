import { relative } from 'node:path';
import { buildOpenApiDocument } from '@linli/composition';
import { bootApi, TestApi } from '@linli/testing';
import { committedFiles, GENERATED_DIR, schemaFilesOf } from '../codegen/schema-source';

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
    const current = await schemaFilesOf(buildOpenApiDocument(api.app, api.config));
    const committed = committedFiles();
    const stale = [...new Set([...Object.keys(current), ...Object.keys(committed)])]
      .sort()
      .filter((path) => current[path] !== committed[path])
      .map((path) =>
        current[path] === undefined
          ? `${path}: no longer generated`
          : committed[path] === undefined
            ? `${path}: not committed`
            : `${path}: ${firstDifference(committed[path], current[path])}`,
      );
    if (stale.length > 0) {
      throw new Error(
        `${relative(process.cwd(), GENERATED_DIR)} is stale: the api's OpenAPI document changed since it was generated.\n` +
          `Run \`npm run client:generate\` and commit the result.\n${stale.join('\n')}`,
      );
    }
  });

  it('is generated from the document the api serves at /docs-json', async () => {
    const served = await api.get('/docs-json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(api.app, api.config))));
  });
});
