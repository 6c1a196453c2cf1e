export interface FieldProblem {
  field: string;
  message: string;
  constraint?: string;
}

export interface ProblemInit {
  /** Stable machine code, dotted: `points.insufficient`, `validation.failed`. Never renamed once released. */
  code: string;
  status: number;
  /** Short English summary; the same for every occurrence of the code. */
  title: string;
  /** What happened this time, in Chinese where users see it. */
  detail?: string;
  errors?: FieldProblem[];
  /** Extra members, e.g. `{ available: 3 }`. */
  extensions?: Record<string, unknown>;
}

/** Any error a client should see: rendered as RFC 9457 problem+json by the global filter. */
export class ProblemException extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: FieldProblem[];
  readonly extensions?: Record<string, unknown>;

  constructor(init: ProblemInit) {
    super(`${init.code}: ${init.detail ?? init.title}`);
    this.name = new.target.name;
    this.code = init.code;
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.extensions = init.extensions;
  }
}

export interface ProblemDefinition {
  status: number;
  title: string;
  detail: string;
}

/**
 * A domain's error catalogue: `code → { status, title, detail }`. Each domain declares one and
 * throws `new XxxException(XxxCode.Something)`.
 */
export function problemFrom(
  code: string,
  catalogue: Record<string, ProblemDefinition>,
  extra?: Partial<ProblemInit>,
): ProblemInit {
  const definition = catalogue[code];
  return { code, ...definition, ...extra };
}
