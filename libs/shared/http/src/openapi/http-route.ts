import type { Role } from '@mkt/shared/auth';
import type { RouteResponse } from './response-schema';

/** Who may call a route, as its @Public / @Roles metadata says (the guard denies a route with neither). */
export type RouteAccess = { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

/** A DTO class (with class-validator metadata) or a primitive the route binds a parameter to. */
export type BoundType = abstract new (...args: never[]) => unknown;

/** One HTTP route of the running app, read from Nest's route metadata. */
export interface HttpRoute {
  readonly method: string;
  /** Express-style path, `/api/registry/agencies/:id`. */
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  readonly access: RouteAccess;
  readonly pathParams: readonly string[];
  /** The class bound with `@Body()`, when it is a DTO. */
  readonly body: BoundType | null;
  /** Query parameters bound one by one (`@Query('on')`). */
  readonly queryNames: readonly string[];
  /** The class bound with `@Query()`, whose properties are the query parameters. */
  readonly query: BoundType | null;
  /** The route takes a multipart upload (a file interceptor reads the body, not a DTO). */
  readonly multipart: boolean;
  /** The status of a success: `@HttpCode`, else Nest's default (201 for POST, 200 otherwise). */
  readonly successStatus: number;
  /** What the success answer holds, as `@Responds` / `@RespondsWith` declare it; null when undeclared. */
  readonly response: RouteResponse | null;
}

/** `METHOD /path`, the key routes are listed and compared by. */
export function routeKey(route: Pick<HttpRoute, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
