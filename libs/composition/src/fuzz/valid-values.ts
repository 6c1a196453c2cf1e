import fc from 'fast-check';
import { FuzzContext } from './fuzz-request';
import { JsonSchema } from './openapi-operations';

const DATE_TIMES = ['2026-11-22T08:00:00.000Z', '2027-01-15T02:30:00.000Z', '2026-12-31T16:30:00.000Z'];
const DATES = ['2026-11-22', '1985-06-01', '2027-01-15'];

export function uuidArb(context: FuzzContext, existing: boolean): fc.Arbitrary<string> {
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
