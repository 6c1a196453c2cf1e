/** One problem of a `validation.failed` answer. */
export interface FieldProblem {
  field: string;
  message: string;
  constraint?: string;
}

/** Every error answer of the api (RFC 9457 problem+json). */
export interface Problem {
  /** `urn:linli:problem:<code>` */
  type: string;
  title: string;
  status: number;
  /** Stable machine code, dotted: `resource.not-found`, `points.insufficient`. */
  code: string;
  /** What happened, in Chinese where users see it. */
  detail?: string;
  errors?: FieldProblem[];
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

/**
 * The problem in an openapi-fetch `error`. The OpenAPI document describes error responses in words
 * only (no schema), so openapi-fetch types `error` as `never`; this reads it as what every error is.
 */
export function problemOf(error: unknown): Problem | undefined {
  const candidate = error as Partial<Problem> | null | undefined;
  return typeof candidate?.code === 'string' && typeof candidate.status === 'number'
    ? (candidate as Problem)
    : undefined;
}

/** An error answer raised as an exception by the client's helpers (`login`). */
export class LinliProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem ? `${status} ${problem.code}: ${problem.detail ?? problem.title}` : `HTTP ${status}`);
    this.name = 'LinliProblemError';
  }
}
