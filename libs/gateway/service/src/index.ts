export { GatewayModule, GATEWAY_APP_OPTIONS, type GatewayOptions } from './gateway.module';
export { ApiProxyModule } from './api-proxy/api-proxy.module';
export type { ApiProxyOptions } from './api-proxy/api-proxy.middleware';
export { serviceRoutesFromEnv, type ServiceRoutes } from './api-proxy/service-routes';
export { WebUiModule, type WebUiOptions } from './web-ui/web-ui.module';
export type { ErrorBody } from './error-response';
