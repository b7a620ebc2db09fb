import { Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseConfigFromEnv, ServiceDatabase, type DatabaseConfig, type ServiceDatabaseOptions } from '@mkt/shared/persistence';
import type { Clock } from '../clock';
import { EventSubscriptions } from '../inbox/event-subscriptions';
import { CreateMessagingTables1764374400000 } from '../messaging-tables.migration';
import { DropOutboxNotify1795910400000 } from '../outbox-notify-removal.migration';
import { CreateScheduledTasks1764374450000 } from '../scheduling/scheduled-tasks.migration';
import { TaskScheduler } from '../scheduling/task-scheduler';
import { ServicePlatform, type ServicePlatformOptions } from '../service-platform';
import { EVENT_TRANSPORT, type EventTransport } from '../transport/event-transport';
import { UnitOfWork } from '../unit-of-work';
import { MessagingRuntime } from './messaging-runtime';
import { CLOCK, SERVICE_PLATFORM_OPTIONS } from './tokens';

export interface ServicePlatformModuleOptions extends ServicePlatformOptions {
  readonly entities: ServiceDatabaseOptions['entities'];
  readonly migrations: readonly (new () => unknown)[];
  /** Defaults to the environment: `<SERVICE>_DATABASE_URL`, `DATABASE_URL_TEMPLATE` or PGlite under `DATA_DIR`. */
  readonly database?: DatabaseConfig;
}

/** Tables every service database carries: outbox, inbox, parked events, idempotent requests, scheduled tasks. */
export const PLATFORM_MIGRATIONS = [CreateMessagingTables1764374400000, CreateScheduledTasks1764374450000, DropOutboxNotify1795910400000] as const;

/** What a composition root may choose for a service module: where its database lives (else from the environment). */
export interface ServiceModuleOptions {
  readonly database?: DatabaseConfig;
}

@Injectable()
class ServiceDatabaseCloser implements OnApplicationShutdown {
  constructor(private readonly database: ServiceDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

/**
 * A service's own database and its place on the event backbone. Each service module imports this once,
 * with its own name; Nest keeps each configuration a separate module instance, so in embedded mode every
 * service still gets its own database, unit of work and subscriptions.
 */
@Module({})
export class ServicePlatformModule {
  static forService(options: ServicePlatformModuleOptions): DynamicModule {
    return {
      module: ServicePlatformModule,
      providers: [
        { provide: SERVICE_PLATFORM_OPTIONS, useValue: options },
        {
          provide: ServiceDatabase,
          useFactory: () =>
            ServiceDatabase.open({
              service: options.service,
              config: options.database ?? databaseConfigFromEnv(options.service),
              entities: options.entities,
              migrations: [...PLATFORM_MIGRATIONS, ...options.migrations],
              logger: new Logger(`database:${options.service}`),
            }),
        },
        {
          provide: ServicePlatform,
          inject: [ServiceDatabase, EVENT_TRANSPORT, CLOCK, MessagingRuntime],
          useFactory: (database: ServiceDatabase, transport: EventTransport, clock: Clock, runtime: MessagingRuntime) =>
            runtime.register(new ServicePlatform(options, database, transport, clock, new Logger(`messaging:${options.service}`))),
        },
        { provide: UnitOfWork, inject: [ServicePlatform], useFactory: (p: ServicePlatform) => p.unitOfWork },
        { provide: EventSubscriptions, inject: [ServicePlatform], useFactory: (p: ServicePlatform) => p.subscriptions },
        { provide: TaskScheduler, inject: [ServicePlatform], useFactory: (p: ServicePlatform) => p.scheduler },
        { provide: DataSource, inject: [ServiceDatabase], useFactory: (db: ServiceDatabase) => db.dataSource },
        ServiceDatabaseCloser,
      ],
      exports: [ServiceDatabase, ServicePlatform, UnitOfWork, EventSubscriptions, TaskScheduler, DataSource],
    };
  }
}

