import { SetMetadata } from '@nestjs/common';

/** A JSON Schema as OpenAPI 3.0 reads it (`nullable: true` rather than a `null` type). */
export type JsonSchema = Record<string, unknown>;

/** What a route answers on success, as its handler declares it with `@Responds` or `@RespondsWith`. */
export type RouteResponse =
  | {
      readonly kind: 'json';
      readonly schema: JsonSchema;
      readonly description: string;
      /** Other media types the same route answers with on request (`?format=csv`), each with what it is. */
      readonly alternatives: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'other'; readonly mediaTypes: readonly string[]; readonly description: string };

export const RESPONSE_METADATA = 'mkt:http-response';

/** The JSON body of the route's success answer; the API description shows it and response checks hold the app to it. */
export function Responds(schema: JsonSchema, options: { readonly description?: string; readonly alternatives?: Readonly<Record<string, string>> } = {}): MethodDecorator {
  const response: RouteResponse = { kind: 'json', schema, description: options.description ?? 'Success', alternatives: options.alternatives ?? {} };
  return SetMetadata(RESPONSE_METADATA, response);
}

/** A success answer that is not JSON (a file, CSV, HTML, Prometheus text): its media types and what it holds. */
export function RespondsWith(mediaTypes: string | readonly string[], description: string): MethodDecorator {
  const response: RouteResponse = { kind: 'other', mediaTypes: typeof mediaTypes === 'string' ? [mediaTypes] : mediaTypes, description };
  return SetMetadata(RESPONSE_METADATA, response);
}

const byRoute = new Map<string, RouteResponse>();

/**
 * Declares the JSON response of a route by its key (`GET /health`), for a handler in a library that cannot depend
 * on this one (the health controller in shared/messaging). A handler's own `@Responds` takes precedence.
 */
export function describeRoute(key: string, response: { readonly schema: JsonSchema; readonly description?: string }): void {
  byRoute.set(key, { kind: 'json', schema: response.schema, description: response.description ?? 'Success', alternatives: {} });
}

/** The response a handler declares, else one described for its route key. */
export function declaredResponse(handler: object, key: string): RouteResponse | null {
  return (Reflect.getMetadata(RESPONSE_METADATA, handler) as RouteResponse | undefined) ?? byRoute.get(key) ?? null;
}

const SCHEMA_REF = '#/components/schemas/';
const named = new Map<string, JsonSchema>();

/** Every schema registered with `schema.named`, by name: the API description's components. */
export function namedResponseSchemas(): ReadonlyMap<string, JsonSchema> {
  return named;
}

/** The schema a `$ref` to a named response schema stands for, refs inside resolved too (for validation). */
export function resolveResponseRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveResponseRefs);
  if (value === null || typeof value !== 'object') return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF) && named.has(ref.slice(SCHEMA_REF.length))) {
    return resolveResponseRefs(named.get(ref.slice(SCHEMA_REF.length)));
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveResponseRefs(v)]));
}

/**
 * Small builders for response schemas. Objects list every property as required unless named in `optional`, and
 * allow properties they do not list, so a schema states what clients may rely on without freezing the rest.
 */
export const schema = {
  string: (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) }),
  uuid: (): JsonSchema => ({ type: 'string', format: 'uuid' }),
  /** An ISO 8601 instant, as `Date.toISOString()` writes it. */
  instant: (): JsonSchema => ({ type: 'string', format: 'date-time' }),
  /** A calendar date, `YYYY-MM-DD`. */
  date: (): JsonSchema => ({ type: 'string', format: 'date' }),
  /** Lower-case hex, e.g. a SHA-256. */
  hex: (description?: string): JsonSchema => ({ type: 'string', pattern: '^[0-9a-f]*$', ...(description ? { description } : {}) }),
  integer: (description?: string): JsonSchema => ({ type: 'integer', ...(description ? { description } : {}) }),
  number: (description?: string): JsonSchema => ({ type: 'number', ...(description ? { description } : {}) }),
  boolean: (): JsonSchema => ({ type: 'boolean' }),
  oneOf: (values: readonly string[]): JsonSchema => ({ type: 'string', enum: [...values] }),
  array: (items: JsonSchema): JsonSchema => ({ type: 'array', items }),
  object: (properties: Record<string, JsonSchema>, options: { readonly optional?: readonly string[]; readonly description?: string } = {}): JsonSchema => {
    const required = Object.keys(properties).filter((k) => !options.optional?.includes(k));
    return { type: 'object', ...(options.description ? { description: options.description } : {}), ...(required.length ? { required } : {}), properties };
  },
  /** An object keyed by arbitrary strings (ids, codes) with values of one shape. */
  map: (values: JsonSchema, description?: string): JsonSchema => ({ type: 'object', additionalProperties: values, ...(description ? { description } : {}) }),
  /** Any JSON value: documents carried as they are (an event, an OCDS release). */
  any: (description: string): JsonSchema => ({ description }),
  /** `null` allowed besides the schema's own type. OpenAPI 3.0 needs the type beside `nullable`, so not for a `$ref`. */
  nullable: (of: JsonSchema): JsonSchema => {
    if (!('type' in of)) throw new Error('schema.nullable needs a schema with a type (inline it rather than a $ref)');
    return { ...of, nullable: true };
  },
  /** A schema shown once under components and referred to by name. */
  named: (name: string, of: JsonSchema): JsonSchema => {
    const known = named.get(name);
    if (known && JSON.stringify(known) !== JSON.stringify(of)) throw new Error(`two different response schemas are named ${name}`);
    named.set(name, of);
    return { $ref: `${SCHEMA_REF}${name}` };
  },
};
