import { bootApi, resetState, TestApi } from '@linli/testing';

describe('ops endpoints', () => {
  let api: TestApi;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
  });
  afterAll(() => api.close());

  it('answers liveness and readiness with both PostgreSQL and Redis up', async () => {
    expect((await api.get('/health')).body).toEqual({ status: 'ok' });
    const ready = await api.get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up' } });
  });

  it('exposes Prometheus metrics with HTTP latency and queue depths', async () => {
    await api.get('/health');
    const metrics = await api.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('linli_http_request_duration_seconds_bucket');
    expect(metrics.body).toMatch(/linli_queue_jobs\{queue="notifications",state="waiting"\} 0/);
  });

  it('echoes a sane x-request-id and invents one otherwise', async () => {
    const given = await api.request('GET', '/health', { headers: { 'x-request-id': 'req-abc.1' } });
    expect(given.headers['x-request-id']).toBe('req-abc.1');
    const invented = await api.request('GET', '/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(invented.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
