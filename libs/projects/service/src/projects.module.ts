import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceModuleOptions } from '@mkt/shared/messaging';

/**
 * The projects service's place in the marketplace: its own database and event backbone, running in both modes.
 * Its use cases arrive with their issue; until then it serves health only.
 */
@Module({})
export class ProjectsModule {
  static forRoot(options: ServiceModuleOptions = {}): DynamicModule {
    return {
      module: ProjectsModule,
      imports: [ServicePlatformModule.forService({ service: 'projects', produces: [], entities: [], migrations: [], database: options.database })],
    };
  }
}
