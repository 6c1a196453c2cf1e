import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RouteThrottlerGuard } from './route-throttler.guard';

/**
 * What a throttled route guards: `login` (password guessing), `pii-lookup` (lookups by phone or ID
 * number), `code` (guessable codes such as 6-digit check-in codes). Limits come from configuration.
 */
export type ThrottleName = 'login' | 'pii-lookup' | 'code';

export const THROTTLE_ROUTE = 'linli:throttle-route';

/**
 * Opts a route into rate limiting (no route is limited otherwise). Counters live in Redis, shared by
 * every api instance, keyed per authenticated user, else per client IP; `login` also per username.
 * Over the limit: 429 `request.rate-limited` with `Retry-After`.
 */
export function ThrottleRoute(name: ThrottleName): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(THROTTLE_ROUTE, name),
    UseGuards(RouteThrottlerGuard),
    ApiTooManyRequestsResponse({ description: 'request.rate-limited: too many attempts; see Retry-After' }),
  );
}
