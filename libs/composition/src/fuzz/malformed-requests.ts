import fc from 'fast-check';
import { FuzzOperation, FuzzParameter, JsonSchema } from './openapi-operations';

/** One request the fuzz sends: valid-shaped everywhere but in exactly one place, named by `fault`. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /**
   * The single malformation, `<target>/<kind>`: `path.id/bad-uuid`, `query.cursor/bad-uuid-inside`,
   * `body.name/huge-string`, `body/array`, `query/unknown-param`…
   */
  fault: string;
}

/** What the arbitraries draw valid-shaped ids from: ids of rows that exist (and of none). */
export interface FuzzContext {
  ids: readonly string[];
}

const HUGE = 'x'.repeat(100_000);
const HUGE_CJK = '邻'.repeat(100_000);
const SAMPLE_UUID = '7b0f6a52-2c4e-4d59-9d3c-7d8f1f0c2a11';

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}

interface Bad {
  kind: string;
  value: unknown;
}

const bad = (kind: string, ...values: unknown[]): fc.Arbitrary<Bad> =>
  fc.constantFrom(...values).map((value) => ({ kind, value }));

/** Values that no field of a DTO should turn into a 5xx. */
const GENERIC_BAD: fc.Arbitrary<Bad> = fc.oneof(
  bad('null', null),
  bad('huge-string', HUGE, HUGE_CJK),
  bad('negative-number', -1, -2147483649, -1e308, Number.MIN_SAFE_INTEGER - 2, -0.5),
  bad('huge-number', 2147483648, 2 ** 53 + 2, 1e308, 1e21, 1e20),
  bad('fraction', 0.5, 1e-7, 3.14159),
  bad('nan-like-string', 'NaN', 'Infinity', '-Infinity', '1e309', '0x1F', '  7 ', '٣', '-0', '1,000', '', ' '),
  bad(
    'special-string',
    '\u0000',
    "'; DROP TABLE users; --",
    '<script>alert(1)</script>',
    '💩'.repeat(50),
    '\u202e\u0301',
    '../../etc/passwd',
    '%00',
    '\\',
    '\ud800',
  ),
  bad(
    'bad-uuid',
    'not-a-uuid',
    '00000000-0000-0000-0000-00000000000g',
    `{${SAMPLE_UUID}}`,
    SAMPLE_UUID.replace(/-/g, ''),
    `${SAMPLE_UUID}x`,
    "1' OR '1'='1",
    '00000000-0000-0000-0000-000000000000',
  ),
  bad(
    'bad-date',
    '2026-02-30',
    '2026-13-01',
    '0000-01-01',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '2026-01-01T25:61:61Z',
    'yesterday',
    '99999-01-01',
    '2026-11-22T08:00:00+25:00',
  ),
  bad('boolean', true, false),
  bad('empty-array', []),
  bad('array-of-junk', [1, 'a', null, {}], [[[]]]),
  bad('empty-object', {}),
  bad('object', { a: 1 }, { id: SAMPLE_UUID, name: 'x' }),
  bad(
    'deep-nesting',
    nested(2000, 1, (inner) => [inner]),
    nested(2000, 1, (inner) => ({ a: inner })),
  ),
  bad('prototype-keys', JSON.parse('{"__proto__":{"polluted":true}}'), {
    constructor: { prototype: { polluted: true } },
  }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'random-json', value })),
);

/** A value of the wrong JSON type for `schema`. */
function wrongTypeFor(schema: JsonSchema): fc.Arbitrary<Bad> {
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return bad('wrong-type', 42, true, { value: 'x' }, ['x']);
    case 'number':
    case 'integer':
      return bad('wrong-type', '12', 'abc', true, [1], { value: 1 });
    case 'boolean':
      return bad('wrong-type', 'true', 1, 'yes', [true]);
    case 'array':
      return bad('wrong-type', { 0: 'x' }, 'x', 1, [[]]);
    default:
      return bad('wrong-type', 'x', [], [{}], 42, true);
  }
}

function badValueFor(schema: JsonSchema): fc.Arbitrary<Bad> {
  return fc.oneof({ arbitrary: wrongTypeFor(schema), weight: 2 }, { arbitrary: GENERIC_BAD, weight: 5 });
}

const DATE_TIMES = ['2026-11-22T08:00:00.000Z', '2027-01-15T02:30:00.000Z', '2026-12-31T16:30:00.000Z'];
const DATES = ['2026-11-22', '1985-06-01', '2027-01-15'];

function uuidArb(context: FuzzContext, existing: boolean): fc.Arbitrary<string> {
  return existing && context.ids.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...context.ids), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 })
    : fc.uuid();
}

/** A valid-shaped value of `schema` (what a well-behaved client would send, as far as the schema says). */
export function validValue(schema: JsonSchema, context: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.oneOf?.length) return fc.oneof(...schema.oneOf.map((s) => validValue(s, context, depth + 1)));
  if (schema.anyOf?.length) return fc.oneof(...schema.anyOf.map((s) => validValue(s, context, depth + 1)));
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return uuidArb(context, true);
      if (schema.format === 'date-time') return fc.constantFrom(...DATE_TIMES);
      if (schema.format === 'date') return fc.constantFrom(...DATES);
      if (schema.format === 'binary') return fc.constant('a,b\n1,2\n');
      if (schema.example !== undefined) return fc.constant(schema.example);
      const minLength = Math.max(schema.minLength ?? 1, 1);
      if (schema.format === 'password') return fc.constant('Fuzz-password-123'.padEnd(minLength, 'x'));
      const maxLength = Math.max(Math.min(schema.maxLength ?? 24, 24), minLength);
      return fc
        .string({ minLength, maxLength, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789') })
        .map((s) => s.padEnd(minLength, 'a'));
    }
    case 'number':
    case 'integer': {
      if (typeof schema.example === 'number' && schema.minimum === undefined && schema.maximum === undefined)
        return fc.constant(schema.example);
      const min = Math.ceil(schema.minimum ?? 1);
      const max = Math.max(Math.floor(schema.maximum ?? Math.max(min, 1) + 100), min);
      return fc.integer({ min, max });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(Math.min(schema.maxItems ?? 2, 2), minLength);
      return depth > 6
        ? fc.constant([])
        : fc.array(validValue(schema.items ?? {}, context, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const keys = Object.keys(properties);
      if (!keys.length || depth > 6) return fc.constant({});
      return fc.record(Object.fromEntries(keys.map((key) => [key, validValue(properties[key], context, depth + 1)])), {
        requiredKeys: (schema.required ?? []).filter((key) => keys.includes(key)),
      });
    }
    default:
      return schema.example !== undefined ? fc.constant(schema.example) : fc.constant('x');
  }
}

type Json = Record<string, unknown>;

interface FieldTarget {
  /** Property path from the body's root: `['owners', 0, 'ownerId']`. */
  path: (string | number)[];
  schema: JsonSchema;
  /** The object holding the field, for "drop a required field". */
  required: boolean;
}

/** Every field of `value` (present or declared), each with its schema. */
function fieldTargets(value: unknown, schema: JsonSchema, prefix: (string | number)[] = []): FieldTarget[] {
  if (prefix.length > 6) return [];
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  if (type === 'object' && schema.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(schema.properties).flatMap(([key, child]) => [
      { path: [...prefix, key], schema: child, required: (schema.required ?? []).includes(key) },
      ...fieldTargets((value as Json)[key], child, [...prefix, key]),
    ]);
  }
  if (type === 'array' && Array.isArray(value) && value.length && schema.items)
    return [
      { path: [...prefix, 0], schema: schema.items, required: false },
      ...fieldTargets(value[0], schema.items, [...prefix, 0]),
    ];
  return [];
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function setAt(root: unknown, path: (string | number)[], apply: (holder: Json, key: string | number) => void): unknown {
  const copy = clone(root);
  let holder = copy as Json;
  for (const key of path.slice(0, -1)) holder = holder[key as string] as Json;
  apply(holder, path[path.length - 1]);
  return copy;
}

const label = (path: (string | number)[]): string => path.map(String).join('.');

function toQueryString(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Malformed path segments, already URL-encoded where the kind says so. */
const BAD_SEGMENTS: fc.Arbitrary<Bad> = fc.oneof(
  bad(
    'bad-uuid',
    'not-a-uuid',
    '1',
    '-1',
    '0',
    'NaN',
    'null',
    'undefined',
    '00000000-0000-0000-0000-00000000000g',
    SAMPLE_UUID.replace(/-/g, ''),
    `${SAMPLE_UUID}x`,
    SAMPLE_UUID.toUpperCase(),
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ),
  bad('injection', encodeURIComponent("' OR 1=1 --"), encodeURIComponent('1;DROP TABLE units')),
  bad('traversal', '..', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%2F'),
  bad('bad-escape', '%zz', '%', '%E0%A4%A'),
  bad('nul-byte', '%00', `${SAMPLE_UUID}%00`),
  bad('unicode', encodeURIComponent('💩'), encodeURIComponent('邻里'), encodeURIComponent('\u202e')),
  bad('long-segment', 'x'.repeat(5000), 'a'.repeat(101)),
  bad('nan-like', 'Infinity', '1e309', '0x10', '-0'),
);

/** Malformed query values (raw, URL-encoded below unless the kind says otherwise). */
function badQueryValue(parameter: FuzzParameter): fc.Arbitrary<Bad> {
  const schema = parameter.schema;
  const typed: fc.Arbitrary<Bad>[] = [
    bad('nan-like', 'NaN', 'Infinity', '-Infinity', '1e309', '0x10', ' 7', '١', ''),
    bad('negative', '-1', '-2147483649', '-1e308', '-0'),
    bad('huge-number', '2147483648', '9007199254740993', '1e308', '99999999999999999999999'),
    bad('fraction', '0.5', '1.0000001', '20.5'),
    bad('huge-string', 'q'.repeat(20_000)),
    bad('special-string', '\u0000', "' OR 1=1 --", '%', '💩', '\\'),
    bad('bad-uuid', 'not-a-uuid', SAMPLE_UUID.replace(/-/g, ''), `${SAMPLE_UUID}x`, '0'),
    bad('bad-date', '2026-02-30', '2026-13-01T00:00:00Z', 'yesterday', '+275760-09-13T00:00:00.000Z', '0'),
    bad('bad-boolean', 'yes', '2', 'TRUE ', 'null'),
    bad('bad-enum', 'NOT_A_VALUE', 'x'.repeat(300), '__proto__'),
    bad('json-in-query', '{"a":1}', '[1,2]'),
  ];
  if (parameter.name === 'cursor') typed.push(BAD_CURSORS);
  return fc.oneof(...typed);
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Cursors this API never issued: undecodable, wrong arity, and well-formed ones carrying values of the wrong type. */
const BAD_CURSORS: fc.Arbitrary<Bad> = fc.oneof(
  bad('cursor-undecodable', '!!!', 'x'.repeat(600), 'a', '====', 'eyJ', 'null'),
  bad('cursor-wrong-shape', b64({}), b64('s'), b64([]), b64([1]), b64([1, 2, 3]), b64([null, null]), b64([[], {}])),
  bad(
    'cursor-bad-values',
    b64(['a', 'b']),
    b64([1, 2]),
    b64(['2026-11-22T08:00:00.000Z', 'not-a-uuid']),
    b64(['not-a-date', SAMPLE_UUID]),
    b64([1e308, SAMPLE_UUID]),
    b64([-1, SAMPLE_UUID]),
    b64(['x'.repeat(300), SAMPLE_UUID]),
    b64([SAMPLE_UUID, SAMPLE_UUID]),
    b64(['2026-02-30T00:00:00.000Z', SAMPLE_UUID]),
  ),
);

/** Whole-body garbage for a JSON route. */
function garbageBody(valid: unknown): fc.Arbitrary<{ kind: string; payload: string | Buffer; contentType?: string }> {
  const json = (kind: string, ...payloads: string[]) =>
    fc.constantFrom(...payloads).map((payload) => ({ kind, payload, contentType: 'application/json' }));
  return fc.oneof(
    json('array', '[]', JSON.stringify([valid]), '[1,2,3]'),
    json('scalar', '"hello"', '42', 'null', 'true', '-1', '1e309'),
    json('not-json', '{', '{"a":', "{'a':1}", 'NaN', '{}}', 'undefined', '\u0000'),
    json('empty', ''),
    json('deep-nesting', '['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)),
    json('over-body-limit', JSON.stringify({ blob: 'z'.repeat(1_100_000) })),
    json('duplicate-keys', '{"name":"a","name":1}', '{"__proto__":{"isAdmin":true}}'),
    fc.constant({
      kind: 'invalid-utf8',
      payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      contentType: 'application/json',
    }),
    fc.constantFrom(
      { kind: 'wrong-content-type', payload: JSON.stringify(valid ?? {}), contentType: 'text/plain' },
      { kind: 'wrong-content-type', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
      { kind: 'wrong-content-type', payload: '<a/>', contentType: 'application/xml' },
      { kind: 'wrong-content-type', payload: '--x\r\n', contentType: 'multipart/form-data' },
      {
        kind: 'wrong-content-type',
        payload: JSON.stringify(valid ?? {}),
        contentType: 'application/json; charset=latin1',
      },
      { kind: 'no-content-type', payload: JSON.stringify(valid ?? {}), contentType: undefined },
    ),
  );
}

const BOUNDARY = 'linlifuzzboundary';

function multipart(parts: { name: string; value: string; filename?: string }[], boundary = BOUNDARY): string {
  return (
    parts
      .map(
        (part) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}\r\n` +
          `${part.filename ? 'Content-Type: text/csv\r\n' : ''}\r\n${part.value}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`
  );
}

function multipartFaults(
  schema: JsonSchema,
): fc.Arbitrary<{ kind: string; payload: string | Buffer; contentType?: string }> {
  const kinds = (schema.properties?.kind?.enum as string[] | undefined) ?? ['units'];
  const type = `multipart/form-data; boundary=${BOUNDARY}`;
  return fc.oneof(
    fc.constantFrom(...kinds).map((kind) => ({
      kind: 'missing-file',
      payload: multipart([{ name: 'kind', value: kind }]),
      contentType: type,
    })),
    fc.constant({
      kind: 'missing-kind',
      payload: multipart([{ name: 'file', value: 'a,b\n', filename: 'x.csv' }]),
      contentType: type,
    }),
    fc.constantFrom('NOT_A_KIND', '', 'x'.repeat(10_000), '__proto__').map((kind) => ({
      kind: 'bad-kind',
      payload: multipart([
        { name: 'kind', value: kind },
        { name: 'file', value: 'a,b\n', filename: 'x.csv' },
      ]),
      contentType: type,
    })),
    fc.constantFrom(...kinds).map((kind) => ({
      kind: 'file-as-field',
      payload: multipart([
        { name: 'kind', value: kind },
        { name: 'file', value: 'a,b\n' },
      ]),
      contentType: type,
    })),
    fc.constantFrom(...kinds).map((kind) => ({
      kind: 'unknown-part',
      payload: multipart([
        { name: 'kind', value: kind },
        { name: 'fuzzUnknown', value: '1' },
        { name: 'file', value: 'a,b\n', filename: 'x.csv' },
      ]),
      contentType: type,
    })),
    fc.constantFrom(...kinds).map((kind) => ({
      kind: 'garbage-file',
      payload: multipart([
        { name: 'kind', value: kind },
        { name: 'file', value: '\u0000\u0001PK\u0003\u0004garbage', filename: 'x.xlsx' },
      ]),
      contentType: type,
    })),
    fc.constantFrom(
      {
        kind: 'no-boundary',
        payload: multipart([{ name: 'kind', value: 'units' }]),
        contentType: 'multipart/form-data',
      },
      {
        kind: 'truncated',
        payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nun`,
        contentType: type,
      },
      {
        kind: 'json-instead',
        payload: JSON.stringify({ kind: 'units', file: 'a,b' }),
        contentType: 'application/json',
      },
      { kind: 'empty', payload: '', contentType: type },
      { kind: 'wrong-boundary', payload: multipart([{ name: 'kind', value: 'units' }], 'other'), contentType: type },
    ),
  );
}

function contentTypeHeader(type: string | undefined): Record<string, string> {
  return type ? { 'content-type': type } : {};
}

interface Draft {
  pathValues: Record<string, string>;
  query: [string, string][];
  body?: unknown;
}

function isUuidLike(parameter: FuzzParameter): boolean {
  return !parameter.schema.enum && parameter.schema.example === undefined;
}

/** Valid-shaped path values, query and body of `operation`. */
function draftOf(operation: FuzzOperation, context: FuzzContext): fc.Arbitrary<Draft> {
  // A write without a body acts on its path alone (release, cancel, delete, recompute): never aim it
  // at a row that exists, so that a fault the route ignores cannot make it act.
  const existing = operation.method === 'GET' || operation.body.kind !== 'none';
  const pathValues = fc.record(
    Object.fromEntries(
      operation.pathParams.map((p) => [
        p.name,
        isUuidLike(p)
          ? uuidArb(context, existing)
          : validValue(p.schema, context).map((v) => (existing ? String(v) : `${String(v)}-none`)),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = fc.tuple(
    ...operation.queryParams.map((p) =>
      (p.required || p.name === 'cursor' ? fc.constant(p.required) : fc.boolean()).chain((include) =>
        include
          ? validValue(p.schema, context).map((v) => [[p.name, toQueryString(v)]] as [string, string][])
          : fc.constant([] as [string, string][]),
      ),
    ),
  );
  const body = operation.body.kind === 'json' ? validValue(operation.body.schema, context) : fc.constant(undefined);
  return fc.record({ pathValues, query: query.map((parts) => parts.flat()), body });
}

function urlOf(
  operation: FuzzOperation,
  pathValues: Record<string, string>,
  query: [string, string][],
  rawQuery = '',
): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValues[name]);
  const parts = query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  if (rawQuery) parts.push(rawQuery);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

function jsonRequest(operation: FuzzOperation, draft: Draft, url: string, fault: string): FuzzRequest {
  if (operation.body.kind === 'json')
    return {
      method: operation.method,
      url,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(draft.body),
      fault,
    };
  if (operation.body.kind === 'multipart') {
    const kinds = (operation.body.schema.properties?.kind?.enum as string[] | undefined) ?? ['units'];
    return {
      method: operation.method,
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart([
        { name: 'kind', value: kinds[0] },
        { name: 'file', value: 'name\n', filename: 'x.csv' },
      ]),
      fault,
    };
  }
  return { method: operation.method, url, headers: {}, fault };
}

/**
 * Requests for `operation`, each carrying exactly one fault: in a path parameter, a query parameter
 * (the cursor included), one field of a valid-shaped body, or the body as a whole.
 */
export function malformedRequests(operation: FuzzOperation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return draftOf(operation, context).chain((draft) => {
    const faults: fc.Arbitrary<FuzzRequest>[] = [];
    const baseUrl = urlOf(operation, draft.pathValues, draft.query);

    for (const parameter of operation.pathParams)
      faults.push(
        BAD_SEGMENTS.map((b) =>
          jsonRequest(
            operation,
            draft,
            urlOf(operation, { ...draft.pathValues, [parameter.name]: String(b.value) }, draft.query),
            `path.${parameter.name}/${b.kind}`,
          ),
        ),
      );

    for (const parameter of operation.queryParams)
      faults.push(
        badQueryValue(parameter).map((b) => {
          const query = draft.query.filter(([key]) => key !== parameter.name);
          const raw = b.kind === 'special-string' && b.value === '%' ? `${parameter.name}=%` : '';
          return jsonRequest(
            operation,
            draft,
            urlOf(operation, draft.pathValues, raw ? query : [...query, [parameter.name, String(b.value)]], raw),
            `query.${parameter.name}/${b.kind}`,
          );
        }),
        fc.constant(
          jsonRequest(
            operation,
            draft,
            urlOf(operation, draft.pathValues, [
              ...draft.query.filter(([key]) => key !== parameter.name),
              [parameter.name, '1'],
              [parameter.name, '2'],
            ]),
            `query.${parameter.name}/repeated`,
          ),
        ),
      );

    const bodyless = operation.method !== 'GET' && operation.body.kind === 'none';
    // Unknown query parameters and unexpected bodies are ignored by routes without a query or body
    // DTO: on a write without a body they are not faults that stop it acting, so aim them elsewhere.
    if (!bodyless || (!operation.pathParams.length && !operation.queryParams.length)) {
      faults.push(
        fc
          .constantFrom(
            'fuzzUnknown=1',
            '__proto__=x',
            'constructor=x',
            'hasOwnProperty=1',
            'a[b]=1',
            `${'k'.repeat(5000)}=1`,
          )
          .map((raw) =>
            jsonRequest(operation, draft, urlOf(operation, draft.pathValues, draft.query, raw), 'query/unknown-param'),
          ),
      );
    }

    if (operation.body.kind === 'json') {
      const schema = operation.body.schema;
      const targets = fieldTargets(draft.body, schema);
      if (targets.length) {
        faults.push(
          fc.constantFrom(...targets).chain((target) =>
            badValueFor(target.schema).map((b) => ({
              ...jsonRequest(operation, draft, baseUrl, `body.${label(target.path)}/${b.kind}`),
              payload: JSON.stringify(
                setAt(draft.body, target.path, (holder, key) => {
                  (holder as Record<string | number, unknown>)[key] = b.value;
                }),
              ),
            })),
          ),
        );
        const required = targets.filter((t) => t.required);
        if (required.length)
          faults.push(
            fc.constantFrom(...required).map((target) => ({
              ...jsonRequest(operation, draft, baseUrl, `body.${label(target.path)}/missing-required`),
              payload: JSON.stringify(
                setAt(draft.body, target.path, (holder, key) => {
                  delete (holder as Record<string | number, unknown>)[key];
                }),
              ),
            })),
          );
      }
      faults.push(
        fc.constant({
          ...jsonRequest(operation, draft, baseUrl, 'body/unknown-field'),
          payload: JSON.stringify({ ...(draft.body as Json), fuzzUnknownField: 'x' }),
        }),
      );
      faults.push(
        garbageBody(draft.body).map((g) => ({
          method: operation.method,
          url: baseUrl,
          headers: contentTypeHeader(g.contentType),
          payload: g.payload,
          fault: `body/${g.kind}`,
        })),
      );
    } else if (operation.body.kind === 'multipart') {
      faults.push(
        multipartFaults(operation.body.schema).map((g) => ({
          method: operation.method,
          url: baseUrl,
          headers: contentTypeHeader(g.contentType),
          payload: g.payload,
          fault: `body/multipart-${g.kind}`,
        })),
      );
    } else if (!bodyless || (!operation.pathParams.length && !operation.queryParams.length)) {
      faults.push(
        garbageBody({ a: 1 }).map((g) => ({
          method: operation.method,
          url: baseUrl,
          headers: contentTypeHeader(g.contentType),
          payload: g.payload,
          fault: `body/unexpected-${g.kind}`,
        })),
      );
    }
    return fc.oneof(...faults);
  });
}

/** A request as a short line for a report (payloads cut to 300 characters). */
export function describeRequest(request: FuzzRequest): string {
  const payload =
    request.payload === undefined
      ? ''
      : Buffer.isBuffer(request.payload)
        ? ` <${request.payload.length} bytes>`
        : ` ${request.payload.length > 300 ? `${request.payload.slice(0, 300)}… (${request.payload.length} chars)` : request.payload}`;
  const url = request.url.length > 300 ? `${request.url.slice(0, 300)}… (${request.url.length} chars)` : request.url;
  const type = request.headers['content-type'] ? ` [${request.headers['content-type']}]` : '';
  return `${request.method} ${url}${type}${payload}`;
}
