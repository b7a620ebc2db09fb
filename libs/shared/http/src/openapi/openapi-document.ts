import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { HttpRoute } from './http-route';
import { namedResponseSchemas, type JsonSchema } from './response-schema';

// class-transformer keeps its @Type registry (needed for nested DTOs) in a module its main entry does not export.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadata };

export type { JsonSchema };

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: { readonly schemas: Record<string, JsonSchema>; readonly securitySchemes: Record<string, unknown> };
}

export interface OpenApiDocumentOptions {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

const SCHEMA_REF = '#/components/schemas/';

/**
 * An OpenAPI 3.0 document for the given routes: paths, methods, path and query parameters, request bodies as
 * JSON Schema converted from the DTOs' class-validator / class-transformer metadata, response bodies as the
 * handlers declare them (`@Responds`), and who may call each operation (`security`, `x-roles`), all read from the
 * code rather than written beside it.
 */
export function buildOpenApiDocument(routes: readonly HttpRoute[], options: OpenApiDocumentOptions): OpenApiDocument {
  const allSchemas = { ...dtoSchemas(), ...Object.fromEntries(namedResponseSchemas()) };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operationOf(route, allSchemas);
  }
  const schemas: Record<string, JsonSchema> = { ErrorResponse: ERROR_RESPONSE };
  for (const name of reachableSchemas(paths, allSchemas)) schemas[name] = allSchemas[name];
  return {
    openapi: '3.0.3',
    info: { title: options.title, version: options.version, ...(options.description ? { description: options.description } : {}) },
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (EdDSA), issued by POST /api/identity/login' } },
    },
  };
}

function operationOf(route: HttpRoute, schemas: Record<string, JsonSchema>): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = route.pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const seen = new Set<string>();
  if (route.query && schemas[route.query.name]) {
    const schema = schemas[route.query.name] as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      seen.add(name);
      parameters.push({ name, in: 'query', required: (schema.required ?? []).includes(name), schema: property });
    }
  }
  for (const name of route.queryNames.filter((n) => !seen.has(n))) parameters.push({ name, in: 'query', required: false, schema: { type: 'string' } });

  const isPublic = route.access.kind === 'public';
  const roles = route.access.kind === 'roles' ? route.access.roles : [];
  const operation: Record<string, unknown> = {
    operationId: `${route.controller}.${route.handler}`,
    tags: [serviceTagOf(route.path)],
    summary: `${route.controller.replace(/HttpController$/, '')}`,
    description: isPublic ? 'Public: no token needed.' : `Requires a bearer token with role ${roles.join(' or ') || '(none: closed to every caller)'}.`,
    'x-roles': isPublic ? 'public' : roles,
    security: isPublic ? [] : [{ bearer: [] }],
    parameters,
    responses: responsesOf(route, isPublic),
  };
  if (route.multipart) {
    operation['requestBody'] = {
      required: true,
      content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } },
    };
  } else if (route.body && schemas[route.body.name]) {
    operation['requestBody'] = { required: true, content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}${route.body.name}` } } } };
  }
  return operation;
}

/**
 * Routes whose success answer has a body but whose handler declares none: every route answers JSON unless it says
 * otherwise, so these would be described without a body schema. The API-description tests require none.
 */
export function undescribedRoutes(routes: readonly HttpRoute[]): HttpRoute[] {
  return routes.filter((route) => route.successStatus !== 204 && route.response === null);
}

function successOf(route: HttpRoute): Record<string, unknown> {
  const response = route.response;
  if (route.successStatus === 204) return { description: 'Success, no body' };
  if (!response) return { description: 'Success (body not described)' };
  if (response.kind === 'other') return { description: response.description, content: Object.fromEntries(response.mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
  const alternatives = Object.entries(response.alternatives).map(([type, what]) => [type, { schema: { type: 'string', description: what } }]);
  return { description: response.description, content: { 'application/json': { schema: response.schema }, ...Object.fromEntries(alternatives) } };
}

function responsesOf(route: HttpRoute, isPublic: boolean): Record<string, unknown> {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}ErrorResponse` } } } });
  const responses: Record<string, unknown> = { [String(route.successStatus)]: successOf(route), '400': error('Invalid input; `field` names the offending field') };
  if (!isPublic) {
    responses['401'] = error('Missing, expired or invalid token');
    responses['403'] = error('Role not allowed, or not the owner of the resource');
  }
  return responses;
}

function serviceTagOf(path: string): string {
  return /^\/api\/([^/]+)/.exec(path)?.[1] ?? 'platform';
}

let cachedSchemas: Record<string, JsonSchema> | null = null;

/** JSON Schemas of every class-validator DTO loaded in this process, nested DTOs by `$ref`. */
function dtoSchemas(): Record<string, JsonSchema> {
  cachedSchemas ??= validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: SCHEMA_REF,
  }) as Record<string, JsonSchema>;
  return cachedSchemas;
}

/** Only the schemas the paths refer to, directly or through other schemas. */
function reachableSchemas(paths: unknown, schemas: Record<string, JsonSchema>): string[] {
  const found = new Set<string>();
  const pending = [...refsIn(paths)];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (found.has(name) || !schemas[name]) continue;
    found.add(name);
    pending.push(...refsIn(schemas[name]));
  }
  return [...found].sort();
}

function refsIn(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
}

const ERROR_RESPONSE: JsonSchema = {
  type: 'object',
  required: ['code', 'message', 'field'],
  properties: {
    code: { type: 'string', example: 'VALIDATION.FAILED' },
    message: { type: 'string' },
    field: { type: 'string', nullable: true, description: 'The request field at fault, when there is one' },
  },
};
