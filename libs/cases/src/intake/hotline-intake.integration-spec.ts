import { randomUUID } from 'node:crypto';
import { Clock, signWebhook } from '@linli/platform';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
} from '@linli/testing';

const SECRET = 'spec-hotline-secret-0123';
const ACCOUNT = randomUUID();
const NOW = new Date('2026-12-03T10:00:00+08:00');
const URL = '/api/v1/cases/intake/hotline';

describe('the 12345 hotline intake: signed, one case per ticket, status back through the webhook channel', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  const unit = (name: string) => units.get(name) as ScenarioUnit;
  const ticket = (number: string, extra: Record<string, unknown> = {}) => ({
    ticketNumber: number,
    unitId: unit('小区A1').id,
    type: 'demand',
    categoryCode: 'demand.repair',
    title: '小区路灯不亮',
    ...extra,
  });
  const send = (body: unknown, sign: { secret?: string; timestamp?: number; tamper?: boolean } = {}) => {
    const raw = JSON.stringify(body);
    const timestamp = String(sign.timestamp ?? Math.floor(NOW.getTime() / 1000));
    return api.request('POST', URL, {
      payload: sign.tamper ? raw.replace('路灯', '水管') : raw,
      headers: {
        'content-type': 'application/json',
        'x-linli-timestamp': timestamp,
        'x-linli-signature': signWebhook(sign.secret ?? SECRET, timestamp, raw),
      },
    });
  };

  beforeAll(async () => {
    await resetState();
    api = await bootApi({ env: { CASES_HOTLINE_SECRET: SECRET, CASES_HOTLINE_ACCOUNT_ID: ACCOUNT } });
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(NOW));
    units = await createUnitTree(smallDistrict());
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    await api.post(
      '/api/v1/cases/categories',
      { code: 'demand.repair', name: '维修诉求', responseHours: 2, resolveWorkingDays: 5 },
      admin,
    );
  });
  afterAll(() => api.close());

  it('registers a signed ticket at the lowest level, and answers a redelivery with the same case', async () => {
    const first = await send(ticket('BJ-0001'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ticketNumber: 'BJ-0001', created: true, status: 'registered', level: 'grid' });
    const again = await send(ticket('BJ-0001', { title: '重复推送' }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ caseId: first.body.caseId, created: false });
    const seen = (await api.get(`/api/v1/cases/${first.body.caseId}`, admin)).body;
    expect(seen).toMatchObject({ channel: 'hotline_12345', externalId: 'BJ-0001', title: '小区路灯不亮' });
  });

  it('refuses a wrong secret, a tampered body, a stale timestamp and a missing signature, writing nothing', async () => {
    const before = await countRows(`SELECT count(*) FROM cases`);
    expectProblem(await send(ticket('BJ-0002'), { secret: 'another-secret-0123456' }), 401, 'cases.hotline-signature');
    expectProblem(await send(ticket('BJ-0002'), { tamper: true }), 401, 'cases.hotline-signature');
    const stale = Math.floor(NOW.getTime() / 1000) - 301;
    expectProblem(await send(ticket('BJ-0002'), { timestamp: stale }), 401, 'cases.hotline-signature');
    expectProblem(await api.request('POST', URL, { body: ticket('BJ-0002') }), 401, 'cases.hotline-signature');
    // Signed but malformed: the signature passes, the body does not.
    expectProblem(await send({ ticketNumber: 'BJ-0002' }), 400, 'validation.failed');
    expect(await countRows(`SELECT count(*) FROM cases`)).toBe(before);
  });

  it('takes the same ticket sent by 20 clients at once as one case', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(ticket('BJ-RACE'))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(answers.map((answer) => answer.body.caseId)).size).toBe(1);
    expect(await countRows(`SELECT count(*) FROM cases WHERE external_id = 'BJ-RACE'`)).toBe(1);
  });

  it('sends each status change of a hotline case back to the hotline account through the webhook channel only', async () => {
    const received = await send(ticket('BJ-0003'));
    const grid = await createLoggedInUser(api, {
      role: 'grid_worker',
      unitId: unit('网格A1').id,
      unitPath: unit('网格A1').path,
    });
    expect((await api.post(`/api/v1/cases/${received.body.caseId}/start`, {}, grid.token)).body.status).toBe(
      'in_progress',
    );
    const callbacks = await countRows(
      `SELECT count(*) FROM notification_requests WHERE dedupe_key LIKE $1
          AND job->'recipient'->>'userId' = $2 AND job->'channels' = '["webhook"]'::jsonb`,
      [`cases.hotline-status:${received.body.caseId}:%`, ACCOUNT],
    );
    expect(callbacks).toBe(2); // registered at intake, then taken up
  });
});
