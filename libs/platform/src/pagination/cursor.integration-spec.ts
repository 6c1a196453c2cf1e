import { bootApi, createLoggedInUser, createUser, expectProblem, resetState, TestApi } from '@linli/testing';
import { encodeCursor } from './page';

describe('crafted pagination cursors on real routes', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    token = (await createLoggedInUser(api, { role: 'admin' })).token;
    await createUser(api);
    await createUser(api);
  });
  afterAll(() => api.close());

  const crafted = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

  it('follows a cursor it issued', async () => {
    const first = await api.get('/api/v1/users?limit=1', token);
    expect(first.status).toBe(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.get(`/api/v1/users?limit=1&cursor=${first.body.nextCursor}`, token);
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it.each([
    ['a tie value that is not a UUID', encodeCursor(['zhang', 'not-a-uuid'])],
    ['a number where the id belongs', encodeCursor(['zhang', 12])],
    ['the wrong number of values', encodeCursor(['zhang'])],
    ['an object instead of values', crafted({ username: 'zhang' })],
    ['bytes that are not JSON', 'bm90LWpzb24'],
  ])('refuses %s with 400 pagination.invalid-cursor on GET /users', async (_what, cursor) => {
    expectProblem(await api.get(`/api/v1/users?cursor=${cursor}`, token), 400, 'pagination.invalid-cursor');
  });

  it.each([
    ['a sort value that is not a time', encodeCursor(['not-a-time', '1'])],
    ['a sequence number that is not a number', encodeCursor(['2026-01-01T00:00:00.000Z', 'x'])],
  ])('refuses %s with 400 pagination.invalid-cursor on GET /audit-log', async (_what, cursor) => {
    expectProblem(await api.get(`/api/v1/audit-log?cursor=${cursor}`, token), 400, 'pagination.invalid-cursor');
  });
});
