import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { LinliConfig } from '../config/linli-config';
import { AccessTokenService } from './access-token.service';

const USER = '6f1c2a5e-8d0b-4c3e-9a77-2b1d5e4f6a10';

function tokens(secret: string, ttlSeconds = 60): AccessTokenService {
  const jwt = new JwtService({
    secret: createSecretKey(Buffer.from(secret, 'utf8')),
    signOptions: { algorithm: 'HS256', expiresIn: ttlSeconds },
    verifyOptions: { algorithms: ['HS256'] },
  });
  return new AccessTokenService(jwt, { jwtTtlSeconds: ttlSeconds } as LinliConfig);
}

describe('access tokens, verified once per process', () => {
  afterEach(() => jest.useRealTimers());

  it('keeps answering for a token it verified until the token expires, then refuses it', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T08:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const service = tokens('a-secret-of-at-least-32-characters!!', 60);
    const { accessToken } = await service.issue({ sub: USER, username: 'wang', ver: 3 });
    expect(await service.verify(accessToken)).toEqual({ sub: USER, username: 'wang', ver: 3 });
    jest.setSystemTime(new Date('2026-12-04T08:00:59Z'));
    expect(await service.verify(accessToken)).toEqual({ sub: USER, username: 'wang', ver: 3 });
    jest.setSystemTime(new Date('2026-12-04T08:01:00Z'));
    expect(await service.verify(accessToken)).toBeUndefined();
    expect(await service.verify(accessToken)).toBeUndefined();
  });

  it('refuses a tampered copy of a token it already verified, and a token of another secret', async () => {
    const service = tokens('a-secret-of-at-least-32-characters!!');
    const { accessToken } = await service.issue({ sub: USER, username: 'wang', ver: 1 });
    expect(await service.verify(accessToken)).toBeDefined();
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, username: 'admin' })).toString('base64url');
    expect(await service.verify(`${header}.${forged}.${signature}`)).toBeUndefined();
    const foreign = await tokens('another-secret-of-at-least-32-chars!!').issue({
      sub: USER,
      username: 'wang',
      ver: 1,
    });
    expect(await service.verify(foreign.accessToken)).toBeUndefined();
  });
});
