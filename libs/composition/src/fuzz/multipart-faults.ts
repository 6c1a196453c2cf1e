import fc from 'fast-check';
import { JsonSchema } from './openapi-operations';

export const BOUNDARY = 'linlifuzzboundary';

export function multipart(parts: { name: string; value: string; filename?: string }[], boundary = BOUNDARY): string {
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

export function multipartFaults(
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
