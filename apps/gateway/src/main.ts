import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GATEWAY_APP_OPTIONS, GatewayModule, serviceRoutesFromEnv } from '@mkt/gateway/service';
import { createPinoLogger, PinoNestLogger } from '@mkt/shared/http';

async function bootstrap(): Promise<void> {
  const port = Number(process.env['PORT'] ?? 3000);
  const routes = serviceRoutesFromEnv(process.env);
  const app = await NestFactory.create(GatewayModule.forRoot({ routes, staticDir: process.env['WEB_DIST_DIR'] }), {
    ...GATEWAY_APP_OPTIONS,
    logger: new PinoNestLogger(createPinoLogger({ name: 'gateway' })),
  });
  app.enableShutdownHooks();
  await app.listen(port);
  new Logger('Gateway').log(`listening on :${port}, forwarding /api/{${Object.keys(routes).join(',')}}`);
}

void bootstrap();
