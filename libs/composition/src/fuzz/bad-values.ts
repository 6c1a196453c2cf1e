import fc from 'fast-check';
import { FuzzParameter, JsonSchema } from './openapi-operations';

const HUGE = 'x'.repeat(100_000);
const HUGE_CJK = '邻'.repeat(100_000);
const SAMPLE_UUID = '7b0f6a52-2c4e-4d59-9d3c-7d8f1f0c2a11';

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}

export interface Bad {
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

export function badValueFor(schema: JsonSchema): fc.Arbitrary<Bad> {
  return fc.oneof({ arbitrary: wrongTypeFor(schema), weight: 2 }, { arbitrary: GENERIC_BAD, weight: 5 });
}

/** Malformed path segments, already URL-encoded where the kind says so. */
export const BAD_SEGMENTS: fc.Arbitrary<Bad> = fc.oneof(
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
export function badQueryValue(parameter: FuzzParameter): fc.Arbitrary<Bad> {
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
export function garbageBody(
  valid: unknown,
): fc.Arbitrary<{ kind: string; payload: string | Buffer; contentType?: string }> {
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
