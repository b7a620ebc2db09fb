import { Injectable, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY, type Role } from '@mkt/shared/auth';
import type { BoundType, HttpRoute, RouteAccess } from './http-route';
import { declaredResponse } from './response-schema';

interface RouteArgument {
  readonly index: number;
  readonly data?: unknown;
}

const PRIMITIVES: readonly unknown[] = [String, Number, Boolean, Object, Array];

/**
 * Every route of the running app, read from the same metadata Nest routes and guards by (controller and method
 * paths, @Body/@Query/@Param bindings, @Roles/@Public), so the API description and the authorization matrix test
 * cannot drift from what is actually served.
 */
@Injectable()
export class HttpRouteCatalog {
  private cached: readonly HttpRoute[] | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): readonly HttpRoute[] {
    this.cached ??= this.discover();
    return this.cached;
  }

  private discover(): HttpRoute[] {
    const routes: HttpRoute[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller || !wrapper.instance) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (methodPaths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET';
        const controllerPaths = (Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined) ?? '/';
        for (const base of asList(controllerPaths)) {
          for (const own of asList(methodPaths)) {
            routes.push(this.describe(controller, name, handler, method, joinPath(base, own)));
          }
        }
      }
    }
    return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }

  private describe(controller: new (...args: never[]) => object, name: string, handler: (...args: unknown[]) => unknown, method: string, path: string): HttpRoute {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArgument>;
    const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
    let body: BoundType | null = null;
    let query: BoundType | null = null;
    const queryNames: string[] = [];
    for (const [key, arg] of Object.entries(args)) {
      const kind = Number(key.split(':')[0]);
      const type = types[arg.index];
      const dto = typeof type === 'function' && !PRIMITIVES.includes(type) ? (type as BoundType) : null;
      if (kind === RouteParamtypes.BODY && arg.data === undefined) body = dto;
      if (kind === RouteParamtypes.QUERY && arg.data === undefined) query = dto;
      if (kind === RouteParamtypes.QUERY && typeof arg.data === 'string') queryNames.push(arg.data);
    }
    // @UploadedFile(s): the body is a multipart upload read by multer, not a JSON DTO.
    const multipart = Object.keys(args).some((key) => [RouteParamtypes.FILE, RouteParamtypes.FILES].includes(Number(key.split(':')[0])));
    return {
      method,
      path,
      controller: controller.name,
      handler: name,
      access: this.accessOf(controller, handler),
      pathParams: [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]),
      body,
      queryNames: queryNames.sort(),
      query,
      multipart,
      successStatus: (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === 'POST' ? 201 : 200),
      response: declaredResponse(handler, `${method} ${path}`),
    };
  }

  private accessOf(controller: object, handler: object): RouteAccess {
    // Same lookup order as AccessGuard: the handler's decorator overrides the controller's.
    const targets = [handler, controller] as never[];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return { kind: 'public' };
    return { kind: 'roles', roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [] };
  }
}

function asList(paths: string | string[]): string[] {
  return Array.isArray(paths) ? paths : [paths];
}

function joinPath(...parts: string[]): string {
  const joined = parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p.length > 0).join('/');
  return `/${joined}`;
}
