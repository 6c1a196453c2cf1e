import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { RateLimitedProblem } from '../errors/common-problems';
import { ProblemException } from '../errors/problem.exception';
import { ThrottleStorage } from './throttle-storage';

/** The login throttler counted per username (the other one counts per client). */
export const LOGIN_USERNAME = 'login-username';
/** A username's block doubles with each block of the last day, up to 2^6 times the configured one. */
const MAX_BACKOFF_EXPONENT = 6;

/** Over a limit; remembers which counter, so that the guard can add a strike when a block begins. */
class Throttled extends RateLimitedProblem {
  constructor(
    retryAfterSeconds: number,
    readonly key: string,
    readonly startedBlock: boolean,
  ) {
    super(retryAfterSeconds);
  }
}

interface ReplyLike {
  header(name: string, value: string): unknown;
}

/**
 * The guard behind `@ThrottleRoute()`: @nestjs/throttler's guard, with Linli's answer when a
 * counter is over its limit (429 problem+json `request.rate-limited` and `Retry-After` in seconds),
 * a growing block for a username tried again and again, and failing open (logged) when Redis is away:
 * an outage of the counters must not lock everyone out of login.
 */
@Injectable()
export class RouteThrottlerGuard extends ThrottlerGuard {
  private readonly log = new Logger('Throttling');

  private get store(): ThrottleStorage {
    return this.storageService as ThrottleStorage;
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    try {
      return await super.handleRequest(await this.withBackoff(request));
    } catch (error) {
      if (error instanceof Throttled) {
        if (request.throttler.name === LOGIN_USERNAME && error.startedBlock) {
          await this.store.addStrike(error.key).catch(() => undefined);
        }
        throw error;
      }
      if (error instanceof ProblemException) throw error;
      this.log.warn(`throttle ${request.throttler.name} not checked: ${(error as Error).message}`);
      return true;
    }
  }

  /** The per-username login block grows with the username's recent blocks. */
  private async withBackoff(request: ThrottlerRequest): Promise<ThrottlerRequest> {
    if (request.throttler.name !== LOGIN_USERNAME) return request;
    const { context, throttler } = request;
    const tracker = await request.getTracker(context.switchToHttp().getRequest(), context);
    const strikes = await this.store.strikes(request.generateKey(context, tracker, throttler.name ?? LOGIN_USERNAME));
    return { ...request, blockDuration: request.blockDuration * 2 ** Math.min(strikes, MAX_BACKOFF_EXPONENT) };
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<ReplyLike>().header('retry-after', String(retryAfter));
    throw new Throttled(retryAfter, detail.key, detail.totalHits === detail.limit + 1);
  }

  /** One key per route, throttler and tracker, hashed so that usernames and IPs are not stored in clear. */
  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    return createHash('sha256')
      .update(`${context.getClass().name}.${context.getHandler().name}.${name}.${tracker}`)
      .digest('hex')
      .slice(0, 32);
  }
}
