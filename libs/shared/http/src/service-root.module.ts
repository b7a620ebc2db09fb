import { Module, type DynamicModule } from '@nestjs/common';
import { authKeysFromEnv, AuthModule } from '@mkt/shared/auth';
import { MessagingModule, type MessagingModuleOptions } from '@mkt/shared/messaging';
import { ApiDocsModule } from './openapi/api-docs.module';

/**
 * The root of one service process in distributed mode: process-wide messaging (Kafka from the environment),
 * token verification, the service's own module, and its API description at `/api/<clientId>/docs` (the gateway
 * forwards that path like any other of the service's).
 */
@Module({})
export class ServiceRootModule {
  static compose(service: DynamicModule, options: { clientId: string; messaging?: MessagingModuleOptions }): DynamicModule {
    return {
      module: ServiceRootModule,
      imports: [
        MessagingModule.forRoot({ clientId: options.clientId, ...options.messaging }),
        AuthModule.forRoot({ keys: authKeysFromEnv(process.env) }),
        service,
        ApiDocsModule.forRoot([{ path: `api/${options.clientId}/docs`, title: `${options.clientId} API`, routePrefix: `/api/${options.clientId}/` }]),
      ],
    };
  }
}
