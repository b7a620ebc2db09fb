import type { CallHandler, ExecutionContext, INestApplication, NestInterceptor } from '@nestjs/common';
import Ajv, { type ValidateFunction } from 'ajv';
import type { Request } from 'express';
import { tap, type Observable } from 'rxjs';
import { declaredResponse, resolveResponseRefs, type RouteResponse } from './response-schema';

/** A success answer that does not match the schema its handler declares. */
export interface ResponseViolation {
  /** `METHOD /route/:pattern`. */
  readonly route: string;
  readonly errors: readonly string[];
}

// Ajv reads OpenAPI's `nullable`; the formats the builders use are checked by shape.
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('binary', true);
const validators = new WeakMap<object, ValidateFunction>();

/** The errors of `body` (as it goes on the wire) against a declared JSON response, as `path: message` lines. */
export function responseSchemaErrors(response: Extract<RouteResponse, { kind: 'json' }>, body: unknown): string[] {
  let validate = validators.get(response.schema);
  if (!validate) {
    validate = ajv.compile(resolveResponseRefs(response.schema) as object);
    validators.set(response.schema, validate);
  }
  // Serialised and parsed back, so dates, undefined fields and toJSON are seen as a client sees them.
  const wire = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  if (validate(wire)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

/**
 * Holds handlers to the responses they declare: every JSON success is validated against its `@Responds` schema
 * and a mismatch recorded (not thrown, so the test that made the call still sees the answer). For tests only:
 * `createHttpApp(root, { checkResponses: true })`, then `responseCheckOf(app)`.
 */
export class ResponseSchemaCheck implements NestInterceptor {
  readonly violations: ResponseViolation[] = [];
  /** Answers validated so far, so a test can tell a clean run from one that checked nothing. */
  checked = 0;

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const route = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
    const response = declaredResponse(context.getHandler(), route);
    if (!response || response.kind !== 'json') return next.handle();
    return next.handle().pipe(
      tap((body) => {
        // Another media type asked for (`?format=csv`) is not the JSON the schema describes.
        if (typeof body === 'string' && Object.keys(response.alternatives).length > 0) return;
        this.checked += 1;
        const errors = responseSchemaErrors(response, body);
        if (errors.length > 0) this.violations.push({ route, errors });
      }),
    );
  }
}

const checks = new WeakMap<INestApplication, ResponseSchemaCheck>();

export function installResponseSchemaCheck(app: INestApplication): void {
  const check = new ResponseSchemaCheck();
  checks.set(app, check);
  app.useGlobalInterceptors(check);
}

/** What the app's response check found so far; throws when the app was not made with `checkResponses`. */
export function responseCheckOf(app: INestApplication): { readonly checked: number; readonly violations: readonly ResponseViolation[] } {
  const check = checks.get(app);
  if (!check) throw new Error('this app checks no responses: create it with createHttpApp(root, { checkResponses: true })');
  return { checked: check.checked, violations: [...check.violations] };
}
