import fc from 'fast-check';
import { BAD_SEGMENTS, badQueryValue, badValueFor, garbageBody } from './bad-values';
import { FuzzContext, FuzzRequest } from './fuzz-request';
import { BOUNDARY, multipart, multipartFaults } from './multipart-faults';
import { FuzzOperation, FuzzParameter, JsonSchema } from './openapi-operations';
import { uuidArb, validValue } from './valid-values';

export type { FuzzContext, FuzzRequest } from './fuzz-request';
export { validValue } from './valid-values';

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
