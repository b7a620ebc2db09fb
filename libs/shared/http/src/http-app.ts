import { Logger, type DynamicModule, type INestApplication, type LoggerService, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DomainErrorFilter } from './domain-error.filter';
import { requestValidationPipe } from './validation.pipe';

/** A Nest HTTP app with the house rules: validated input, `{ code, message, field }` errors, graceful shutdown. */
export async function createHttpApp(root: Type | DynamicModule, options: { logger?: false | LoggerService } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(root, { logger: options.logger ?? ['log', 'warn', 'error'] });
  // A published draw record over a province-sized pool runs to a few hundred kilobytes.
  app.useBodyParser('json', { limit: '4mb' });
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  return app;
}

/** Starts a service process: `PORT` (else `defaultPort`) on `HOST` (default 127.0.0.1). */
export async function runHttpService(name: string, root: Type | DynamicModule, defaultPort: number): Promise<INestApplication> {
  const app = await createHttpApp(root);
  const port = Number(process.env['PORT'] ?? defaultPort);
  const host = process.env['HOST'] ?? '127.0.0.1';
  await app.listen(port, host);
  new Logger(name).log(`listening on http://${host}:${port}`);
  return app;
}
