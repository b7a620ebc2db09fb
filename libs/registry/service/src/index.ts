export { RegistryModule } from './registry.module';
export { RegisterAgencyHandler } from './application/commands/register-agency/register-agency.handler';
export { ChangeAgencyStatusHandler } from './application/commands/change-agency-status/change-agency-status.handler';
export { GrantQualificationHandler } from './application/commands/grant-qualification/grant-qualification.handler';
export { CatalogSeeder } from './application/catalog.seeder';
export { DemoDirectorySeeder } from './application/demo-directory.seeder';
export { UploadScanHandler } from './application/commands/upload-scan/upload-scan.handler';
export { SubmitRegistrationHandler } from './application/commands/submit-registration/submit-registration.handler';
