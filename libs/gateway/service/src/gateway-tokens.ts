/** The `ServiceRoutes` the gateway forwards to, for its own endpoints (docs page, readiness). */
export const GATEWAY_SERVICE_ROUTES = Symbol('GATEWAY_SERVICE_ROUTES');
