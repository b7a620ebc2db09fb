import { Module, type DynamicModule } from '@nestjs/common';
import { authKeysFromEnv, AuthModule } from '@mkt/shared/auth';
import { MessagingModule, type MessagingModuleOptions } from '@mkt/shared/messaging';

/**
 * The root of one service process in distributed mode: process-wide messaging (Kafka from the environment),
 * token verification, and the service's own module.
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
      ],
    };
  }
}
