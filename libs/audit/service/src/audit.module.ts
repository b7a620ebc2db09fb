import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceModuleOptions } from '@mkt/shared/messaging';

/**
 * The audit service's place in the marketplace: its own database and event backbone, running in both modes.
 * Its use cases arrive with their issue; until then it serves health only.
 */
@Module({})
export class AuditModule {
  static forRoot(options: ServiceModuleOptions = {}): DynamicModule {
    return {
      module: AuditModule,
      imports: [ServicePlatformModule.forService({ service: 'audit', produces: [], entities: [], migrations: [], database: options.database })],
    };
  }
}
