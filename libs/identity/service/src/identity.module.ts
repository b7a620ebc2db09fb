import { Module, type DynamicModule } from '@nestjs/common';
import type { DatabaseConfig } from '@mkt/shared/persistence';
import { ServicePlatformModule } from '@mkt/shared/messaging';

export interface IdentityModuleOptions {
  readonly database?: DatabaseConfig;
}

/**
 * The identity service's place in the marketplace: its own database and event backbone, running in both modes.
 * Its use cases arrive with their issue; until then it serves health only.
 */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityModuleOptions = {}): DynamicModule {
    return {
      module: IdentityModule,
      imports: [ServicePlatformModule.forService({ service: 'identity', produces: [], entities: [], migrations: [], database: options.database })],
    };
  }
}
