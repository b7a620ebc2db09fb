import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { ObservabilityModule } from '@mkt/shared/http';
import { apiProxyMiddleware, type ApiProxyOptions } from './api-proxy.middleware';
import { ProxyMetrics } from './proxy-metrics';

const API_PROXY_OPTIONS = Symbol('API_PROXY_OPTIONS');

/**
 * Forwards `/api/<service>/...` to the service's own process. Mount it in an app created with
 * `bodyParser: false` so request bodies stream through byte for byte (see GATEWAY_APP_OPTIONS).
 */
@Module({})
export class ApiProxyModule implements NestModule {
  static forRoot(options: ApiProxyOptions): DynamicModule {
    // ObservabilityModule: the app's one metrics registry (and `/metrics`), which the proxy counts into.
    return { module: ApiProxyModule, imports: [ObservabilityModule], providers: [{ provide: API_PROXY_OPTIONS, useValue: options }, ProxyMetrics] };
  }

  constructor(
    @Inject(API_PROXY_OPTIONS) private readonly options: ApiProxyOptions,
    private readonly metrics: ProxyMetrics,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    // `{/*rest}` also catches a bare `/api`, so it gets the JSON 404 rather than the SPA or Nest's default.
    consumer.apply(apiProxyMiddleware(this.options, this.metrics)).forRoutes({ path: 'api{/*rest}', method: RequestMethod.ALL });
  }
}
