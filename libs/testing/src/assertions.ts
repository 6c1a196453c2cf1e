import { TestResponse } from './boot';
import { withTestDb } from './test-database';

/** The response is an RFC 9457 problem with this status and stable code. */
export function expectProblem(
  response: Pick<TestResponse, 'status' | 'headers' | 'body'>,
  status: number,
  code: string,
): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: `urn:linli:problem:${code}` });
}

/** The first column of the first row of `sql` on this worker's database, as a number (`SELECT count(*) …`). */
export function countRows(sql: string, params: unknown[] = []): Promise<number> {
  return withTestDb(async (client) => Number(Object.values((await client.query(sql, params)).rows[0] ?? { n: 0 })[0]));
}
