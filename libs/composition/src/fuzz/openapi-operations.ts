/** The slice of an OpenAPI 3 schema object that the fuzz reads (what @nestjs/swagger emits). */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
}

export interface FuzzParameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the running api, with its schemas resolved (no `$ref` left). */
export interface FuzzOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. `/api/v1/units/{id}`. */
  path: string;
  operationId: string;
  pathParams: FuzzParameter[];
  queryParams: FuzzParameter[];
  /** `json`: an application/json body schema; `multipart`: an upload; `none`: the route declares no body. */
  body: { kind: 'json'; schema: JsonSchema } | { kind: 'multipart'; schema: JsonSchema } | { kind: 'none' };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Inlines `$ref`s and merges `allOf` (cycles are cut at depth 8: a DTO tree is never that deep). */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): JsonSchema {
  if (!schema || depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`OpenAPI document: unresolved ${schema.$ref}`);
    const { $ref: _ref, ...rest } = schema;
    return resolveSchema(document, { ...target, ...rest }, depth + 1);
  }
  if (schema.allOf?.length) {
    const { allOf, ...rest } = schema;
    const merged = allOf.map((part) => resolveSchema(document, part, depth + 1));
    return resolveSchema(
      document,
      merged.reduce<JsonSchema>(
        (into, part) => ({
          ...into,
          ...part,
          properties: { ...into.properties, ...part.properties },
          required: [...(into.required ?? []), ...(part.required ?? [])],
        }),
        rest,
      ),
      depth + 1,
    );
  }
  const resolved: JsonSchema = { ...schema };
  if (schema.properties)
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, resolveSchema(document, value, depth + 1)]),
    );
  if (schema.items) resolved.items = resolveSchema(document, schema.items, depth + 1);
  if (schema.oneOf) resolved.oneOf = schema.oneOf.map((s) => resolveSchema(document, s, depth + 1));
  if (schema.anyOf) resolved.anyOf = schema.anyOf.map((s) => resolveSchema(document, s, depth + 1));
  return resolved;
}

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]): FuzzOperation => {
        const parameters = (operation.parameters ?? []).map((p) => ({
          in: p.in,
          name: p.name,
          required: p.in === 'path' || Boolean(p.required),
          schema: resolveSchema(document, p.schema),
        }));
        const content = operation.requestBody?.content ?? {};
        const json = content['application/json']?.schema;
        const multipart = content['multipart/form-data']?.schema;
        return {
          method: method.toUpperCase() as FuzzOperation['method'],
          path,
          operationId: operation.operationId ?? `${method} ${path}`,
          pathParams: parameters.filter((p) => p.in === 'path'),
          queryParams: parameters.filter((p) => p.in === 'query'),
          body: json
            ? { kind: 'json', schema: resolveSchema(document, json) }
            : multipart
              ? { kind: 'multipart', schema: resolveSchema(document, multipart) }
              : { kind: 'none' },
        };
      }),
  );
}
