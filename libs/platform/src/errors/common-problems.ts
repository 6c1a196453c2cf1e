import { FieldProblem, ProblemException } from './problem.exception';

/** The kernel's own problem codes. */
export enum CommonCode {
  ValidationFailed = 'validation.failed',
  NotFound = 'resource.not-found',
  RouteNotFound = 'route.not-found',
  Unauthenticated = 'auth.unauthenticated',
  Forbidden = 'auth.forbidden',
  Conflict = 'resource.conflict',
  PayloadTooLarge = 'request.too-large',
  MalformedBody = 'request.malformed',
  UnsupportedMediaType = 'request.unsupported-media-type',
  RateLimited = 'request.rate-limited',
  Internal = 'internal.error',
}

export class ValidationProblem extends ProblemException {
  constructor(errors: FieldProblem[]) {
    super({
      code: CommonCode.ValidationFailed,
      status: 400,
      title: 'Request validation failed',
      detail: '请求参数有误',
      errors,
    });
  }
}

/** 404 for a missing resource and for one outside the caller's scope alike, so existence does not leak. */
export class NotFoundProblem extends ProblemException {
  constructor(what = 'resource') {
    super({
      code: CommonCode.NotFound,
      status: 404,
      title: 'Not found',
      detail: `未找到${what === 'resource' ? '该资源' : what}`,
    });
  }
}

export class ForbiddenProblem extends ProblemException {
  constructor(detail = '无权执行此操作') {
    super({ code: CommonCode.Forbidden, status: 403, title: 'Forbidden', detail });
  }
}

export class UnauthenticatedProblem extends ProblemException {
  constructor(detail = '请先登录') {
    super({ code: CommonCode.Unauthenticated, status: 401, title: 'Authentication required', detail });
  }
}

export class ConflictProblem extends ProblemException {
  constructor(detail: string, code: string = CommonCode.Conflict) {
    super({ code, status: 409, title: 'Conflict', detail });
  }
}

/** 429 over a `@ThrottleRoute()` limit; the `Retry-After` header (seconds) is also in the body. */
export class RateLimitedProblem extends ProblemException {
  constructor(readonly retryAfterSeconds: number) {
    super({
      code: CommonCode.RateLimited,
      status: 429,
      title: 'Too many requests',
      detail: `请求过于频繁，请 ${retryAfterSeconds} 秒后再试`,
      extensions: { retryAfterSeconds },
    });
  }
}
