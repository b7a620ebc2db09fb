export { databaseConfigFromEnv, serviceDatabaseName, type DatabaseConfig } from './database-config';
export { EmbeddedPostgres } from './embedded-postgres';
export { ServiceDatabase, type ServiceDatabaseOptions } from './service-database';
export { QueryErrorLogger, type DatabaseLogger } from './query-error-logger';
export { affectedRows } from './affected-rows';
export { jsonColumn } from './json-column';
export { secretFromEnvOrDataFile } from './local-secret';
