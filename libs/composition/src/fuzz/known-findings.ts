import { FuzzRequest } from './malformed-requests';

export type Violation = '5xx' | 'not-problem' | 'wrote-rows';

/**
 * A failure the fuzz found whose cause lies outside what its author could fix. The fuzz tolerates
 * it (same route, same fault class, same violation); the spec replays `example` and asserts it
 * still fails the same way, so that whoever fixes it is told to delete the entry.
 */
export interface KnownFinding {
  /** Matches `<METHOD> <OpenAPI path>`, e.g. /^GET \/api\/v1\/units\/\{id\}$/ (or every route with a path parameter). */
  route: RegExp;
  /** Matches `FuzzRequest.fault`, e.g. /^query\.cursor\/cursor-bad-values$/. */
  fault: RegExp;
  violation: Violation;
  /** Which caller it shows for: `any` when both do. */
  caller: 'admin' | 'outsider' | 'any';
  /** What goes wrong, and where the cause is. */
  cause: string;
  /** A request that shows it (ids in the URL are random: the failure must not depend on a row). */
  example: Omit<FuzzRequest, 'fault'>;
}

// Known findings (issue 10 item 10). Each names its cause; remove an entry once the spec reports it fixed.
export const KNOWN_FINDINGS: KnownFinding[] = [
  {
    // Fastify's router answers a path that is not valid percent-encoding (FST_ERR_BAD_URL, 400) or a
    // path parameter over `maxParamLength` (100 characters: FST_ERR_MAX_PARAM_LENGTH, 414) itself,
    // with its own application/json body, before any hook or Nest filter runs. Fix: give the
    // FastifyAdapter in libs/composition/src/http-app.ts a `frameworkErrors(error, request, reply)`
    // option that answers through the platform's `sendProblem` (code e.g. `request.malformed` / a
    // 414 problem).
    route: /\{[^}]+\}/,
    fault: /^path\.[^/]+\/bad-escape$/,
    violation: 'not-problem',
    caller: 'any',
    cause: 'Fastify router error FST_ERR_BAD_URL (400) bypasses the problem+json filter',
    example: { method: 'GET', url: '/api/v1/units/%zz', headers: {} },
  },
  {
    route: /\{[^}]+\}/,
    // The same cause: a path parameter over Fastify's maxParamLength (100) answers 414 FST_ERR_MAX_PARAM_LENGTH.
    fault: /^path\.[^/]+\/long-segment$/,
    violation: 'not-problem',
    caller: 'any',
    cause: 'Fastify router error FST_ERR_MAX_PARAM_LENGTH (414) bypasses the problem+json filter',
    example: { method: 'GET', url: `/api/v1/units/${'a'.repeat(101)}`, headers: {} },
  },
];
