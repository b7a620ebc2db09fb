import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { apiProxyMiddleware, type ApiProxyOptions } from './api-proxy.middleware';

const API_PROXY_OPTIONS = Symbol('API_PROXY_OPTIONS');

/**
 * Forwards `/api/<service>/...` to the service's own process. Mount it in an app created with
 * `bodyParser: false` so request bodies stream through byte for byte (see GATEWAY_APP_OPTIONS).
 */
@Module({})
export class ApiProxyModule implements NestModule {
  static forRoot(options: ApiProxyOptions): DynamicModule {
    return { module: ApiProxyModule, providers: [{ provide: API_PROXY_OPTIONS, useValue: options }] };
  }

  constructor(@Inject(API_PROXY_OPTIONS) private readonly options: ApiProxyOptions) {}

  configure(consumer: MiddlewareConsumer): void {
    // `{/*rest}` also catches a bare `/api`, so it gets the JSON 404 rather than the SPA or Nest's default.
    consumer.apply(apiProxyMiddleware(this.options)).forRoutes({ path: 'api{/*rest}', method: RequestMethod.ALL });
  }
}
