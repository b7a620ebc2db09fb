import { Module, type DynamicModule } from '@nestjs/common';
import { REGISTRY_TOPICS } from '@mkt/registry/contracts';
import { ServicePlatformModule, type ServiceModuleOptions } from '@mkt/shared/messaging';
import { CatalogSeeder } from './application/catalog.seeder';
import { DemoDirectorySeeder } from './application/demo-directory.seeder';
import { AddServiceItemHandler } from './application/commands/add-service-item/add-service-item.handler';
import { AddServiceItemHttpController } from './application/commands/add-service-item/add-service-item.http.controller';
import { ChangeAgencyStatusHandler } from './application/commands/change-agency-status/change-agency-status.handler';
import { ChangeAgencyStatusHttpController } from './application/commands/change-agency-status/change-agency-status.http.controller';
import { ChangeServiceItemHandler } from './application/commands/change-service-item/change-service-item.handler';
import { ChangeServiceItemHttpController } from './application/commands/change-service-item/change-service-item.http.controller';
import { GrantQualificationHandler } from './application/commands/grant-qualification/grant-qualification.handler';
import { GrantQualificationHttpController } from './application/commands/grant-qualification/grant-qualification.http.controller';
import { MergeServiceItemsHandler } from './application/commands/merge-service-items/merge-service-items.handler';
import { MergeServiceItemsHttpController } from './application/commands/merge-service-items/merge-service-items.http.controller';
import { RegisterAgencyHandler } from './application/commands/register-agency/register-agency.handler';
import { RegisterAgencyHttpController } from './application/commands/register-agency/register-agency.http.controller';
import { RetireServiceItemHandler } from './application/commands/retire-service-item/retire-service-item.handler';
import { RetireServiceItemHttpController } from './application/commands/retire-service-item/retire-service-item.http.controller';
import { RecordMisconductHandler } from './application/commands/record-misconduct/record-misconduct.handler';
import { RecordMisconductHttpController } from './application/commands/record-misconduct/record-misconduct.http.controller';
import { SanctionDeadlinesHandler } from './application/deadlines/sanction-deadlines.handler';
import { OnProjectEventsHandler } from './application/events/on-project-events.handler';
import { GetAgencyHttpController } from './application/queries/get-agency/get-agency.http.controller';
import { GetCreditRecordHttpController } from './application/queries/get-credit-record/get-credit-record.http.controller';
import { GetPublicProfileHttpController } from './application/queries/get-public-profile/get-public-profile.http.controller';
import { SearchDirectoryHttpController } from './application/queries/search-directory/search-directory.http.controller';
import { GetCatalogHttpController } from './application/queries/get-catalog/get-catalog.http.controller';
import { AgencyOrmEntity } from './infrastructure/agency.orm-entity';
import { CreateAgencyTables1764374500000 } from './infrastructure/migrations/1764374500000-create-agency-tables';
import { CreateCatalogTables1764374510000 } from './infrastructure/migrations/1764374510000-create-catalog-tables';
import { CreateCreditAndSanctionTables1764374520000 } from './infrastructure/migrations/1764374520000-create-credit-and-sanction-tables';
import { QualificationOrmEntity } from './infrastructure/qualification.orm-entity';
import { CreateRegistrationTables1764374530000 } from './infrastructure/migrations/1764374530000-create-registration-tables';
import { SubmitRegistrationHandler } from './application/commands/submit-registration/submit-registration.handler';
import { SubmitRegistrationHttpController } from './application/commands/submit-registration/submit-registration.http.controller';
import { ResubmitRegistrationHandler } from './application/commands/resubmit-registration/resubmit-registration.handler';
import { ResubmitRegistrationHttpController } from './application/commands/resubmit-registration/resubmit-registration.http.controller';
import { ReviewRegistrationHandler } from './application/commands/review-registration/review-registration.handler';
import { ReviewRegistrationHttpController } from './application/commands/review-registration/review-registration.http.controller';
import { GetRegistrationHttpController } from './application/queries/get-registration/get-registration.http.controller';
import { ListRegistrationsHttpController } from './application/queries/list-registrations/list-registrations.http.controller';
import { UploadScanHandler } from './application/commands/upload-scan/upload-scan.handler';
import { UploadScanHttpController } from './application/commands/upload-scan/upload-scan.http.controller';
import { GetScanHttpController } from './application/queries/get-scan/get-scan.http.controller';
import { ChangeServiceItemsHandler } from './application/commands/change-service-items/change-service-items.handler';
import { ChangeServiceItemsHttpController } from './application/commands/change-service-items/change-service-items.http.controller';
import { ImportAgenciesHandler } from './application/commands/import-agencies/import-agencies.handler';
import { ImportAgenciesHttpController } from './application/commands/import-agencies/import-agencies.http.controller';
import { ImportCatalogHandler } from './application/commands/import-catalog/import-catalog.handler';
import { ImportCatalogHttpController } from './application/commands/import-catalog/import-catalog.http.controller';
import { QualificationExpiryHandler } from './application/deadlines/qualification-expiry.handler';

/**
 * The registry service: agencies, their qualifications, status, sanctions and credit record (`registry.agency.v1`,
 * fed by the projects service's outcomes), the public directory, and the service catalog with its published
 * standards (`registry.catalog.v1`).
 */
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
          migrations: [CreateAgencyTables1764374500000, CreateCatalogTables1764374510000, CreateCreditAndSanctionTables1764374520000, CreateRegistrationTables1764374530000],
          database: options.database,
        }),
      ],
      controllers: [
        RegisterAgencyHttpController,
        ChangeAgencyStatusHttpController,
        GrantQualificationHttpController,
        GetAgencyHttpController,
        GetCatalogHttpController,
        AddServiceItemHttpController,
        ChangeServiceItemHttpController,
        RetireServiceItemHttpController,
        MergeServiceItemsHttpController,
        SearchDirectoryHttpController,
        GetPublicProfileHttpController,
        GetCreditRecordHttpController,
        RecordMisconductHttpController,
        SubmitRegistrationHttpController,
        ResubmitRegistrationHttpController,
        ReviewRegistrationHttpController,
        ListRegistrationsHttpController,
        GetRegistrationHttpController,
        UploadScanHttpController,
        GetScanHttpController,
        ChangeServiceItemsHttpController,
        ImportAgenciesHttpController,
        ImportCatalogHttpController,
      ],
      providers: [
        RegisterAgencyHandler,
        ChangeAgencyStatusHandler,
        GrantQualificationHandler,
        AddServiceItemHandler,
        ChangeServiceItemHandler,
        RetireServiceItemHandler,
        MergeServiceItemsHandler,
        CatalogSeeder,
        DemoDirectorySeeder,
        RecordMisconductHandler,
        OnProjectEventsHandler,
        SanctionDeadlinesHandler,
        SubmitRegistrationHandler,
        ResubmitRegistrationHandler,
        ReviewRegistrationHandler,
        UploadScanHandler,
        ChangeServiceItemsHandler,
        ImportAgenciesHandler,
        ImportCatalogHandler,
        QualificationExpiryHandler,
      ],
      // Exported for the embedded composition root's demo data; other services use events, never these.
      exports: [RegisterAgencyHandler, ChangeAgencyStatusHandler, GrantQualificationHandler, CatalogSeeder, DemoDirectorySeeder, UploadScanHandler, SubmitRegistrationHandler],
    };
  }
}
