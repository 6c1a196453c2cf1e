import autocannon from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers that were not 2xx, connection errors and timeouts. */
  failures: number;
}

export interface LoadStep {
  method: 'GET' | 'POST' | 'DELETE';
  /** Below the origin, e.g. `/api/v1/units/<id>`; may depend on the connection's own context. */
  path: (context: Record<string, string>) => string;
  body?: (context: Record<string, string>) => object;
}

/**
 * Drives `origin` with autocannon for `seconds` over `connections` keep-alive connections, each
 * repeating `steps` in order; `prepare` fills each connection's context once (e.g. its own volunteer).
 */
export async function drive(options: {
  origin: string;
  authorization: string;
  connections: number;
  seconds: number;
  /** Requests per second over all connections together; as fast as answers come when absent. */
  overallRate?: number;
  steps: LoadStep[];
  prepare?: (context: Record<string, string>) => void;
}): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.seconds,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    headers: { authorization: options.authorization },
    requests: options.steps.map((step) => ({
      method: step.method,
      setupRequest: (request: autocannon.Request, untyped: object) => {
        const context = untyped as Record<string, string>;
        if (options.prepare && !context.prepared) {
          options.prepare(context);
          context.prepared = 'yes';
        }
        const body = step.body?.(context);
        return {
          ...request,
          method: step.method,
          path: step.path(context),
          ...(body
            ? { body: JSON.stringify(body), headers: { ...request.headers, 'content-type': 'application/json' } }
            : {}),
        };
      },
    })),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
