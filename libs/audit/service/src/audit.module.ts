import { Module, type DynamicModule } from '@nestjs/common';
import type { DatabaseConfig } from '@mkt/shared/persistence';
import { ServicePlatformModule } from '@mkt/shared/messaging';

export interface AuditModuleOptions {
  readonly database?: DatabaseConfig;
}

/**
 * The audit service's place in the marketplace: its own database and event backbone, running in both modes.
 * Its use cases arrive with their issue; until then it serves health only.
 */
@Module({})
export class AuditModule {
  static forRoot(options: AuditModuleOptions = {}): DynamicModule {
    return {
      module: AuditModule,
      imports: [ServicePlatformModule.forService({ service: 'audit', produces: [], entities: [], migrations: [], database: options.database })],
    };
  }
}
