import { Logger, Module, type DynamicModule, type INestApplication, type LoggerService, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DomainErrorFilter } from './domain-error.filter';
import { correlationMiddleware } from './observability/correlation.middleware';
import { HttpMetrics } from './observability/http-metrics';
import { ObservabilityModule } from './observability/observability.module';
import { createPinoLogger, PinoNestLogger } from './observability/platform-logger';
import { requestObserverMiddleware } from './observability/request-observer.middleware';
import './openapi/platform-responses';
import { installResponseSchemaCheck } from './openapi/response-schema-check';
import { requestValidationPipe } from './validation.pipe';

@Module({})
class HttpAppRoot {}

/**
 * A Nest HTTP app with the house rules: validated input, `{ code, message, field }` errors, graceful shutdown,
 * a correlation id per request, `/metrics`, and pino JSON logs (level from `LOG_LEVEL`; `logger: false` silences).
 * `checkResponses` (tests): every JSON success is checked against its handler's `@Responds` schema; see
 * `responseCheckOf(app)`.
 */
export async function createHttpApp(root: Type | DynamicModule, options: { logger?: false | LoggerService; name?: string; checkResponses?: boolean } = {}): Promise<INestApplication> {
  const logger = options.logger ?? new PinoNestLogger(createPinoLogger({ name: options.name ?? 'marketplace' }));
  const app = await NestFactory.create<NestExpressApplication>({ module: HttpAppRoot, imports: [root, ObservabilityModule] }, { logger });
  // A published draw record over a province-sized pool runs to a few hundred kilobytes.
  app.useBodyParser('json', { limit: '4mb' });
  // After the JSON parser: it calls on from a stream event, outside any async context set before it.
  app.use(correlationMiddleware());
  app.use(requestObserverMiddleware(app.get(HttpMetrics), logger instanceof PinoNestLogger ? logger.pino : null));
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  if (options.checkResponses) installResponseSchemaCheck(app);
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  return app;
}

/** Starts a service process: `PORT` (else `defaultPort`) on `HOST` (default 127.0.0.1). */
export async function runHttpService(name: string, root: Type | DynamicModule, defaultPort: number): Promise<INestApplication> {
  const app = await createHttpApp(root, { name });
  const port = Number(process.env['PORT'] ?? defaultPort);
  const host = process.env['HOST'] ?? '127.0.0.1';
  await app.listen(port, host);
  new Logger(name).log(`listening on http://${host}:${port}`);
  return app;
}
