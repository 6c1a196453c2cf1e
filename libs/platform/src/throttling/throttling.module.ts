import { ExecutionContext, Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { seconds, ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { LinliConfig } from '../config/linli-config';
import { LOGIN_USERNAME, RouteThrottlerGuard } from './route-throttler.guard';
import { THROTTLE_ROUTE, ThrottleName } from './throttle-route.decorator';
import { ThrottleStorage } from './throttle-storage';

interface TrackedRequest {
  ip?: string;
  user?: AuthenticatedUser;
  body?: unknown;
}

const reflector = new Reflector();

/** Throttlers of other names skip the route: only `@ThrottleRoute(name)` routes are counted, by theirs. */
function unless(name: ThrottleName): (context: ExecutionContext) => boolean {
  return (context) =>
    reflector.getAllAndOverride<ThrottleName | undefined>(THROTTLE_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]) !== name;
}

/** The client: its IP as Fastify sees it (`TRUST_PROXY` decides whether X-Forwarded-For counts). */
const byClient = (req: TrackedRequest) => `ip:${req.ip ?? 'unknown'}`;
/** The authenticated user (the api's guard ran first), else the client. */
const byCaller = (req: TrackedRequest) => (req.user ? `user:${req.user.userId}` : byClient(req));
/** The username being tried, in the case logins compare it (any case); the route validates the body later. */
const byUsername = (req: TrackedRequest) => {
  const username = (req.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? `username:${username.trim().toLowerCase()}` : byClient(req);
};

export function throttlersOf(config: LinliConfig): ThrottlerOptions[] {
  const { login, loginClient, piiLookup, code } = config.throttle;
  return [
    {
      name: 'login',
      limit: loginClient.limit,
      ttl: seconds(loginClient.ttlSeconds),
      getTracker: byClient,
      skipIf: unless('login'),
    },
    {
      name: LOGIN_USERNAME,
      limit: login.limit,
      ttl: seconds(login.ttlSeconds),
      blockDuration: seconds(login.blockSeconds),
      getTracker: byUsername,
      skipIf: unless('login'),
    },
    {
      name: 'pii-lookup',
      limit: piiLookup.limit,
      ttl: seconds(piiLookup.ttlSeconds),
      getTracker: byCaller,
      skipIf: unless('pii-lookup'),
    },
    { name: 'code', limit: code.limit, ttl: seconds(code.ttlSeconds), getTracker: byCaller, skipIf: unless('code') },
  ];
}

/**
 * Rate limits for the routes that opt in with `@ThrottleRoute(name)`, counted in Redis so that every
 * api instance shares them. The api mounts it; `ThrottlerModule` is global, so the guard resolves in
 * any module.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [LinliConfig],
      useFactory: (config: LinliConfig) => ({
        throttlers: throttlersOf(config),
        storage: new ThrottleStorage(config),
        setHeaders: false,
      }),
    }),
  ],
  providers: [RouteThrottlerGuard],
  exports: [RouteThrottlerGuard],
})
export class ThrottlingModule {}
