import { type DynamicModule, Module, type NestApplicationOptions } from '@nestjs/common';
import { ApiProxyModule } from './api-proxy/api-proxy.module';
import type { ApiProxyOptions } from './api-proxy/api-proxy.middleware';
import { ApiDocsHttpController } from './api-docs.http.controller';
import { GATEWAY_SERVICE_ROUTES } from './gateway-tokens';
import { HealthHttpController } from './health.http.controller';
import { WebUiModule, type WebUiOptions } from './web-ui/web-ui.module';

export type GatewayOptions = ApiProxyOptions & WebUiOptions;

/**
 * Options for the Nest app hosting the gateway. No body parsing: the proxy streams bodies through untouched,
 * where parsing and re-serialising would change the bytes an upstream may hash (idempotency, signatures).
 */
export const GATEWAY_APP_OPTIONS: NestApplicationOptions = { bodyParser: false };

/** The public entry of distributed mode: the web UI, `/api/<service>/...` forwarded to each service, `/health`,
 * and `/api/docs` over every service's OpenAPI document.
 */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions): DynamicModule {
    const { staticDir, ...proxy } = options;
    return {
      module: GatewayModule,
      imports: [ApiProxyModule.forRoot(proxy), WebUiModule.forRoot({ staticDir })],
      controllers: [HealthHttpController, ApiDocsHttpController],
      providers: [{ provide: GATEWAY_SERVICE_ROUTES, useValue: options.routes }],
    };
  }
}
