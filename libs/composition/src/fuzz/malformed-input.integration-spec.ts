/**
 * Property-based fuzz of every route of the api's OpenAPI document with malformed input: each
 * request is valid-shaped but for exactly one fault (a path parameter that is no uuid, a bad
 * cursor or query value, one body field of the wrong type, huge, negative, NaN-like…, a missing
 * or unknown field, or a body that is garbage as a whole), derived from the operation's schemas.
 * Sent as a deployment-wide admin and as an admin of another community. Properties:
 *   - never a 5xx;
 *   - every 4xx is application/problem+json with a string `code`;
 *   - a refused (4xx) request writes no row (every table's row count and content hash compared
 *     before and after it). A fault the route happens to accept (2xx) is fine and not checked.
 *
 * Run longer or with another seed (default: 3 requests per route and caller, fixed seed):
 *   LINLI_FUZZ_RUNS=40 LINLI_FUZZ_SEED=random TZ=UTC npx jest libs/composition/src/fuzz
 * A failure prints the seed and the shrunk request; replay with LINLI_FUZZ_SEED=<seed>.
 */
import fc from 'fast-check';
import { Client } from 'pg';
import pino from 'pino';
import {
  bootApi,
  createInstitution,
  createLoggedInUser,
  createMember,
  createMemberDualRegistration,
  createOfficer,
  createPartyOrganization,
  createPeople,
  createPointRule,
  createStaffRole,
  createUnitTree,
  createUser,
  resetState,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { KNOWN_FINDINGS, KnownFinding, Violation } from './known-findings';
import { describeRequest, FuzzContext, FuzzRequest, malformedRequests } from './malformed-requests';
import { FuzzOperation, OpenApiDocument, operationsOf } from './openapi-operations';
import {
  changedTables,
  describeChange,
  fingerprint,
  fingerprintQuery,
  rowsAppended,
  TableFingerprint,
  tablesOf,
} from './table-fingerprint';

const RUNS = Number(process.env.LINLI_FUZZ_RUNS ?? 3);
const SEED =
  process.env.LINLI_FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.LINLI_FUZZ_SEED ?? 20261202);

type Caller = 'admin' | 'outsider';

/**
 * Append-only tables (with their sequence column) where a refused request may legitimately leave a
 * row, and the actions it may leave: every login attempt is audited, failed ones included
 * (`auth.login-failed`, login.service.ts). Anything else appended by a refused request is a finding.
 */
const APPEND_ONLY = { audit_log: 'seq' };
const REFUSAL_AUDIT_ACTIONS = ['auth.login-failed'];

interface Outcome {
  status: number;
  violation?: Violation;
  detail: string;
}

interface Stats {
  requests: number;
  byClass: Record<string, number>;
  routes: Set<string>;
  faults: Set<string>;
  /** Requests that failed as a known finding says, `<METHOD> <url>`. */
  tolerated: string[];
  /** Faults a route accepted (2xx), `<METHOD> <path> <fault>`: not failures, but worth a look. */
  accepted: Set<string>;
}

function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

function matches(
  finding: KnownFinding,
  operation: FuzzOperation,
  request: FuzzRequest,
  caller: Caller,
  outcome: Outcome,
) {
  return (
    finding.route.test(`${operation.method} ${operation.path}`) &&
    finding.fault.test(request.fault) &&
    finding.violation === outcome.violation &&
    (finding.caller === 'any' || finding.caller === caller)
  );
}

describe('malformed input on every route', () => {
  let api: TestApi;
  let db: Client;
  let operations: FuzzOperation[];
  let context: FuzzContext;
  let snapshot: string;
  let baseline: TableFingerprint | undefined;
  const tokens = new Map<Caller, string>();
  const stats: Stats = {
    requests: 0,
    byClass: {},
    routes: new Set(),
    faults: new Set(),
    tolerated: [],
    accepted: new Set(),
  };
  const started = Date.now();

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    const units = await createUnitTree(smallDistrict());
    const a = units.get('社区A')!;
    const b = units.get('社区B')!;
    const [wang, li] = await createPeople([
      { name: '王芳', residence: units.get('楼栋A1-1')! },
      { name: '李强', residence: units.get('小区A1')! },
    ]);
    const branch = await createPartyOrganization({ kind: 'branch', name: '第一支部', unitId: a.id });
    const member = await createMember({ personId: wang.id, organizationId: branch.id });
    await createInstitution({ name: '示范街道办', unitId: a.id, partyOrganizationId: branch.id });
    await createOfficer({ organizationId: branch.id, personId: wang.id });
    await createStaffRole({ personId: li.id, role: 'grid_worker', unitId: units.get('网格A1')!.id });
    await createMemberDualRegistration({ memberId: member.id, communityUnitId: a.id });
    await createPointRule({ code: 'fuzz-attended', eventType: 'volunteers.activity.attended' });
    await createUser(api, { role: 'secretary', unitId: a.id, unitPath: a.path, personId: li.id });
    const admin = await createLoggedInUser(api, { role: 'admin', personId: wang.id });
    const outsider = await createLoggedInUser(api, { role: 'admin', unitId: b.id, unitPath: b.path });
    tokens.set('admin', admin.token);
    tokens.set('outsider', outsider.token);

    const document = (await api.get<OpenApiDocument>('/docs-json')).body;
    operations = operationsOf(document);
    db = new Client({ connectionString: api.config.databaseUrl });
    await db.connect();
    const tables = await tablesOf(db);
    snapshot = fingerprintQuery(tables, APPEND_ONLY);
    // Valid-shaped ids: rows that exist (in community A, the scenario's; deployment-wide reference
    // rows), but never the callers' own account or grants, which a lucky write could change.
    const own = [admin.id, outsider.id, ...admin.grantIds, ...outsider.grantIds];
    const ids: string[] = [];
    for (const table of tables) {
      const { rows: columns } = await db.query(
        `SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = 'id' AND data_type = 'uuid'`,
        [table],
      );
      if (!columns.length) continue;
      const { rows } = await db.query<{ id: string }>(`SELECT id::text FROM "${table}" ORDER BY id LIMIT 10`);
      ids.push(...rows.map((r) => r.id).filter((id) => !own.includes(id)));
    }
    context = { ids };
  });

  afterAll(async () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // The project's logger (pino), at info whatever LOG_LEVEL the booted apps use: the counts are the report.
    pino({ name: 'fuzz' }).info(
      {
        requests: stats.requests,
        routes: `${stats.routes.size}/${operations?.length ?? 0}`,
        faultClasses: stats.faults.size,
        runsPerRouteAndCaller: RUNS,
        seed: SEED,
        seconds: Number(seconds),
        statuses: stats.byClass,
        knownFindingsTolerated: stats.tolerated,
        acceptedFaults: [...stats.accepted].sort(),
      },
      'fuzz summary',
    );
    await db?.end();
    await api?.close();
  });

  async function send(request: FuzzRequest, token: string): Promise<Outcome> {
    const before = baseline ?? (await fingerprint(db, snapshot));
    const response = await api.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { ...request.headers, authorization: `Bearer ${token}` },
      payload: request.payload,
    });
    const after = await fingerprint(db, snapshot);
    baseline = after;
    const status = response.statusCode;
    stats.requests += 1;
    stats.byClass[statusClass(status)] = (stats.byClass[statusClass(status)] ?? 0) + 1;
    const body = response.body.length > 600 ? `${response.body.slice(0, 600)}…` : response.body;
    if (status >= 500) return { status, violation: '5xx', detail: `${status} ${body}` };
    if (status >= 400) {
      const type = String(response.headers['content-type'] ?? '');
      let code: unknown;
      try {
        code = (JSON.parse(response.body) as { code?: unknown }).code;
      } catch {
        code = undefined;
      }
      if (!type.startsWith('application/problem+json') || typeof code !== 'string')
        return { status, violation: 'not-problem', detail: `${status} [${type}] ${body}` };
      const changed: string[] = [];
      for (const table of changedTables(before, after)) {
        if (table in APPEND_ONLY) {
          const seq = APPEND_ONLY[table as keyof typeof APPEND_ONLY];
          const appended = await rowsAppended(db, table, seq, before.get(table)!, after.get(table)!);
          const unexpected = appended?.filter((row) => !REFUSAL_AUDIT_ACTIONS.includes(String(row.action)));
          if (appended && !unexpected?.length) continue;
          changed.push(
            `${describeChange(table, before, after)} ${JSON.stringify(unexpected?.map((row) => row.action) ?? 'rows changed or removed')}`,
          );
        } else changed.push(describeChange(table, before, after));
      }
      if (changed.length)
        return {
          status,
          violation: 'wrote-rows',
          detail: `${status} ${String(code)} but wrote: ${changed.join('; ')}`,
        };
    }
    return { status, detail: String(status) };
  }

  it('notices a row inserted or updated between two fingerprints (the no-write check is not vacuous)', async () => {
    const before = await fingerprint(db, snapshot);
    await db.query(`UPDATE units SET residents = residents + 1 WHERE name = '社区A'`);
    const updated = await fingerprint(db, snapshot);
    await db.query(`UPDATE units SET residents = residents - 1 WHERE name = '社区A'`);
    expect(changedTables(before, updated)).toEqual(['units']);
    expect(changedTables(before, await fingerprint(db, snapshot))).toEqual([]);
    baseline = undefined;
  });

  it.each<[Caller, string]>([
    ['admin', 'a deployment-wide admin'],
    ['outsider', 'an admin of another community'],
  ])(
    'answers %s (%s) on every route with a problem, never a 5xx, and writes nothing when it refuses',
    async (caller) => {
      const failures: string[] = [];
      for (const [index, operation] of operations.entries()) {
        stats.routes.add(`${operation.method} ${operation.path}`);
        const details = await fc.check(
          fc.asyncProperty(fc.limitShrink(malformedRequests(operation, context), 20), async (request) => {
            stats.faults.add(request.fault.replace(/^(path|query|body)\.[^/]+/, '$1.<field>'));
            const outcome = await send(request, tokens.get(caller)!);
            if (outcome.status < 300) stats.accepted.add(`${operation.method} ${operation.path} ${request.fault}`);
            if (!outcome.violation) return;
            if (KNOWN_FINDINGS.some((f) => matches(f, operation, request, caller, outcome))) {
              stats.tolerated.push(`${request.method} ${request.url.slice(0, 120)} (${request.fault})`);
              return;
            }
            throw new Error(`${outcome.violation}: ${outcome.detail}`);
          }),
          { numRuns: RUNS, seed: SEED + index },
        );
        if (details.failed) {
          const request = details.counterexample?.[0] as FuzzRequest | undefined;
          const error =
            details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          failures.push(
            `${operation.method} ${operation.path} fault ${request?.fault}: ${error}\n    request: ${request ? describeRequest(request) : '?'}\n    replay: LINLI_FUZZ_SEED=${details.seed - index} (path ${details.counterexamplePath})`,
          );
        }
      }
      expect(failures).toEqual([]);
    },
    600_000,
  );

  // One test per known finding (none registered while the list is empty: Jest refuses an empty table).
  const known = KNOWN_FINDINGS.map((f) => [`${f.example.method} ${f.example.url.slice(0, 60)}`, f] as const);
  if (known.length)
    it.each(known)(
      'still fails on known finding %s: when it no longer does, remove it from KNOWN_FINDINGS',
      async (_name, finding) => {
        const outcome = await send(
          { ...finding.example, fault: 'known' },
          tokens.get(finding.caller === 'outsider' ? 'outsider' : 'admin')!,
        );
        expect(outcome.violation).toBe(finding.violation);
      },
    );
});
