import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { DatabaseConfig } from './database-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { QueryErrorLogger, type DatabaseLogger } from './query-error-logger';

export interface ServiceDatabaseOptions {
  readonly service: string;
  readonly config: DatabaseConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
  /** Failed queries are reported here, without their parameters (default: standard error). */
  readonly logger?: DatabaseLogger;
}

const standardError: DatabaseLogger = { warn: (m) => console.warn(m), error: (m) => console.error(m) };

/**
 * A service's own database: a TypeORM DataSource over `pg`, migrated on open (never `synchronize`).
 * In embedded mode it also owns the PGlite instance behind the socket.
 */
export class ServiceDatabase {
  private constructor(
    readonly service: string,
    readonly dataSource: DataSource,
    readonly config: DatabaseConfig,
    private readonly embedded: EmbeddedPostgres | null,
  ) {}

  static async open(options: ServiceDatabaseOptions): Promise<ServiceDatabase> {
    const { config } = options;
    const embedded = config.kind === 'pglite' ? await EmbeddedPostgres.start(config.dataDir) : null;
    const connection = embedded
      ? { ...embedded.connection, poolSize: 1 }
      : { url: config.kind === 'postgres' ? config.url : undefined, poolSize: config.kind === 'postgres' ? (config.poolSize ?? 10) : 10 };
    const dataSource = new DataSource({
      type: 'postgres',
      ...connection,
      entities: options.entities,
      migrations: options.migrations,
      migrationsTableName: 'schema_migrations',
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: ['error', 'warn'],
      logger: new QueryErrorLogger(options.logger ?? standardError),
      applicationName: `mkt-${options.service}`,
    });
    try {
      await dataSource.initialize();
      await migrateExclusively(dataSource, embedded === null && connection.poolSize >= 2);
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
      throw error;
    }
    return new ServiceDatabase(options.service, dataSource, config, embedded);
  }

  get isEmbedded(): boolean {
    return this.embedded !== null;
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}

/**
 * Replicas that start together on an empty database would race to create the same tables: on a Postgres server
 * the migrations run under a session advisory lock, so the others wait and then find nothing left to do. Embedded
 * mode (and a one-connection pool) has a single connection, which the lock would hold away from the migrations.
 */
async function migrateExclusively(dataSource: DataSource, shared: boolean): Promise<void> {
  if (!shared) {
    await dataSource.runMigrations();
    return;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtextextended('mkt:schema_migrations', 0))`);
    try {
      await dataSource.runMigrations();
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(hashtextextended('mkt:schema_migrations', 0))`);
    }
  } finally {
    await lock.release();
  }
}
