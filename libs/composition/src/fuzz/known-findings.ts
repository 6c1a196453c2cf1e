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
export const KNOWN_FINDINGS: KnownFinding[] = [];
