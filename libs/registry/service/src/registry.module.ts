import { Module, type DynamicModule } from '@nestjs/common';
import { REGISTRY_TOPICS } from '@mkt/registry/contracts';
import { ServicePlatformModule, type ServiceModuleOptions } from '@mkt/shared/messaging';
import { ChangeAgencyStatusHandler } from './application/commands/change-agency-status/change-agency-status.handler';
import { ChangeAgencyStatusHttpController } from './application/commands/change-agency-status/change-agency-status.http.controller';
import { GrantQualificationHandler } from './application/commands/grant-qualification/grant-qualification.handler';
import { GrantQualificationHttpController } from './application/commands/grant-qualification/grant-qualification.http.controller';
import { RegisterAgencyHandler } from './application/commands/register-agency/register-agency.handler';
import { RegisterAgencyHttpController } from './application/commands/register-agency/register-agency.http.controller';
import { GetAgencyHttpController } from './application/queries/get-agency/get-agency.http.controller';
import { AgencyOrmEntity } from './infrastructure/agency.orm-entity';
import { CreateAgencyTables1764374500000 } from './infrastructure/migrations/1764374500000-create-agency-tables';
import { QualificationOrmEntity } from './infrastructure/qualification.orm-entity';

/** The registry service: agencies, their qualifications and status. Publishes on `registry.agency.v1`. */
@Module({})
export class RegistryModule {
  static forRoot(options: ServiceModuleOptions = {}): DynamicModule {
    return {
      module: RegistryModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'registry',
          produces: REGISTRY_TOPICS,
          entities: [AgencyOrmEntity, QualificationOrmEntity],
          migrations: [CreateAgencyTables1764374500000],
          database: options.database,
        }),
      ],
      controllers: [RegisterAgencyHttpController, ChangeAgencyStatusHttpController, GrantQualificationHttpController, GetAgencyHttpController],
      providers: [RegisterAgencyHandler, ChangeAgencyStatusHandler, GrantQualificationHandler],
      // Exported for the embedded composition root's demo data; other services use events, never these.
      exports: [RegisterAgencyHandler, ChangeAgencyStatusHandler, GrantQualificationHandler],
    };
  }
}
