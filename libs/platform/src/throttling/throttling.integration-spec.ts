import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import Redis from 'ioredis';
import {
  bootApi,
  createLoggedInUser,
  createUser,
  expectProblem,
  resetState,
  TEST_ADMIN,
  TestApi,
  testQueuePrefix,
} from '@linli/testing';
import { AnyAuthenticated } from '../auth/access.decorators';
import { Public } from '../auth/public.decorator';
import { ThrottleRoute } from './throttle-route.decorator';

@Controller('test-throttle')
class ThrottledController {
  @Post('check-in')
  @HttpCode(200)
  @AnyAuthenticated()
  @ThrottleRoute('code')
  checkIn(): { ok: true } {
    return { ok: true };
  }

  @Get('lookup')
  @Public()
  @ThrottleRoute('pii-lookup')
  lookup(): { ok: true } {
    return { ok: true };
  }

  @Get('free')
  @Public()
  free(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [ThrottledController] })
class ThrottledModule {}

const login = (api: TestApi, username: string, password: string, headers: Record<string, string> = {}) =>
  api.request('POST', '/api/v1/auth/login', { body: { username, password }, headers });

describe('throttled login on the real stack', () => {
  let api: TestApi;

  beforeAll(async () => {
    await resetState();
    // The deployment default per client address (the test config raises it for other specs).
    api = await bootApi({ modules: [ThrottledModule], env: { THROTTLE_LOGIN_IP_LIMIT: '30' } });
  });
  afterAll(() => api.close());

  it('does not answer 40 wrong passwords in a burst with 40 401s: 429 problem with Retry-After', async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof login>> | undefined;
    for (let i = 0; i < 40; i += 1) {
      const response = await login(api, TEST_ADMIN.username, `wrong-password-${i}`);
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    const limit = api.config.throttle.login.limit;
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(401));
    expect(statuses.slice(limit)).toEqual(Array(40 - limit).fill(429));
    expectProblem(limited!, 429, 'request.rate-limited');
    const retryAfter = Number(limited!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(api.config.throttle.login.blockSeconds);
    expect(limited!.body.retryAfterSeconds).toBe(retryAfter);
    // Blocked means blocked: the right password waits too, in any case of the username.
    expectProblem(
      await login(api, TEST_ADMIN.username.toUpperCase(), TEST_ADMIN.password),
      429,
      'request.rate-limited',
    );
    // The burst also went over the per-client limit; another client with another username logs in.
    expectProblem(await login(api, 'nobody-else', 'whatever-password'), 429, 'request.rate-limited');
    const other = await createUser(api);
    const elsewhere = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '198.51.100.7',
      payload: { username: other.username, password: other.password },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('leaves routes without @ThrottleRoute alone', async () => {
    for (let i = 0; i < 60; i += 1) expect((await api.get('/api/v1/test-throttle/free')).status).toBe(200);
  });
});

describe('throttle keys and limits', () => {
  let api: TestApi;

  beforeAll(async () => {
    await resetState();
    api = await bootApi({
      modules: [ThrottledModule],
      env: { THROTTLE_LOGIN_IP_LIMIT: '6', THROTTLE_CODE_LIMIT: '3', THROTTLE_PII_LOOKUP_LIMIT: '2' },
    });
  });
  afterAll(() => api.close());

  beforeEach(() => resetState());

  it('counts login attempts per client across usernames (password spraying)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await login(api, `nobody-${i}`, 'whatever-password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });

  it('does not let a forged X-Forwarded-For change the client key while TRUST_PROXY is off', async () => {
    expect(api.config.trustProxy).toBe(false);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const forged = { 'x-forwarded-for': `203.0.113.${i + 1}` };
      statuses.push((await login(api, `nobody-${i}`, 'whatever-password', forged)).status);
    }
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('counts guessable codes per authenticated user, not per client', async () => {
    const first = await createLoggedInUser(api);
    const second = await createLoggedInUser(api);
    const tries = async (token: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push((await api.request('POST', '/api/v1/test-throttle/check-in', { token })).status);
      return statuses;
    };
    expect(await tries(first.token)).toEqual([200, 200, 200, 429]);
    expect(await tries(second.token)).toEqual([200, 200, 200, 429]);
  });

  it('counts anonymous lookups per client IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await api.get('/api/v1/test-throttle/lookup')).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('login backoff', () => {
  let api: TestApi;

  beforeAll(async () => {
    await resetState();
    api = await bootApi({
      env: { THROTTLE_LOGIN_LIMIT: '2', THROTTLE_LOGIN_TTL_SECONDS: '1', THROTTLE_LOGIN_BLOCK_SECONDS: '1' },
    });
  });
  afterAll(() => api.close());

  it('blocks a username longer each time it is blocked again', async () => {
    const burst = async () => {
      let retryAfter: number | undefined;
      for (let i = 0; i < 3; i += 1) {
        const response = await login(api, 'backoff-target', 'wrong-password');
        if (response.status === 429) retryAfter = Number(response.headers['retry-after']);
      }
      return retryAfter;
    };
    expect(await burst()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await burst()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await burst()).toBe(4);
  });
});

describe('two api instances', () => {
  let first: TestApi;
  let second: TestApi;

  beforeAll(async () => {
    await resetState();
    first = await bootApi({ env: { THROTTLE_LOGIN_LIMIT: '4' } });
    second = await bootApi({ env: { THROTTLE_LOGIN_LIMIT: '4' } });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('share their counters through Redis', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const api = i % 2 === 0 ? first : second;
      statuses.push((await login(api, 'shared-target', 'wrong-password')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // The counters sit under this run's hash-tagged prefix, so concurrent runs never share them.
    const redis = new Redis(first.config.redisUrl);
    try {
      const keys = await redis.keys('*:throttle:*');
      expect(keys.length).toBeGreaterThan(0);
      const ours = keys.filter((key) => key.startsWith(`{${testQueuePrefix()}}:throttle:`));
      expect(ours.length).toBeGreaterThan(0);
      expect(ours.join(' ')).not.toContain('shared-target');
    } finally {
      redis.disconnect();
    }
  });
});

describe('with TRUST_PROXY on', () => {
  let api: TestApi;

  beforeAll(async () => {
    await resetState();
    api = await bootApi({ env: { TRUST_PROXY: '127.0.0.1', THROTTLE_LOGIN_IP_LIMIT: '3' } });
  });
  afterAll(() => api.close());

  it('keys clients by the address the trusted proxy forwards', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const forwarded = { 'x-forwarded-for': `203.0.113.${i + 1}` };
      statuses.push((await login(api, `nobody-${i}`, 'whatever-password', forwarded)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (let i = 0; i < 4; i += 1)
      statuses.push((await login(api, `again-${i}`, 'whatever-password', { 'x-forwarded-for': '203.0.113.9' })).status);
    expect(statuses.slice(5)).toEqual([401, 401, 401, 429]);
  });
});
