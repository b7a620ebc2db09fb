import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@mkt/audit/service';
import { BiddingModule, bidSealKeyFrom } from '@mkt/bidding/service';
import { DrawModule } from '@mkt/draw/service';
import { WebUiModule } from '@mkt/gateway/service';
import { IdentityModule } from '@mkt/identity/service';
import { ProjectsModule } from '@mkt/projects/service';
import { RegistryModule } from '@mkt/registry/service';
import { authKeysFromEnv, AuthModule, generateSigningKey, keysFromSigningKey } from '@mkt/shared/auth';
import { ApiDocsModule } from '@mkt/shared/http';
import { MessagingModule, type TransportConfig } from '@mkt/shared/messaging';
import { DemoAgenciesSeeder } from './demo-agencies.seeder';
import { DemoUsersSeeder } from './demo-users.seeder';

const EMBEDDED_SERVICES = ['identity', 'registry', 'projects', 'draw', 'bidding', 'audit'] as const;

export interface MarketplaceOptions {
  /** Root of the per-service PGlite folders (`<dataDir>/<service>`), or `memory://`. */
  readonly dataDir: string;
  readonly transport?: TransportConfig;
  readonly webDistDir?: string;
  /** Seeds a few demo firms on first start (default true). */
  readonly demoData?: boolean;
}

/**
 * Embedded mode: every service module in one process, each with its own embedded Postgres database,
 * events on the in-process bus — the same modules, outbox, inbox and migrations as distributed mode.
 */
@Module({})
export class MarketplaceModule {
  static forRoot(options: MarketplaceOptions): DynamicModule {
    const inMemory = options.dataDir === 'memory://';
    const database = (service: string) =>
      ({ kind: 'pglite', dataDir: inMemory ? 'memory://' : join(options.dataDir, service) }) as const;
    return {
      module: MarketplaceModule,
      imports: [
        MessagingModule.forRoot({ clientId: 'marketplace', transport: options.transport ?? { kind: 'in-process' } }),
        // The token key pair lives in the data folder (made on first run); in memory, a fresh pair per process.
        AuthModule.forRoot({
          keys: inMemory && !process.env['AUTH_TOKEN_SECRET'] ? keysFromSigningKey(generateSigningKey()) : authKeysFromEnv(process.env, { dataDir: options.dataDir }),
        }),
        IdentityModule.forRoot({ database: database('identity') }),
        RegistryModule.forRoot({ database: database('registry') }),
        ProjectsModule.forRoot({ database: database('projects') }),
        DrawModule.forRoot({ database: database('draw') }),
        BiddingModule.forRoot({
          database: database('bidding'),
          sealKey: inMemory ? (process.env['BIDDING_SEAL_KEY'] ?? randomBytes(32).toString('hex')) : bidSealKeyFrom(process.env, join(options.dataDir, 'bidding-seal-key')),
        }),
        AuditModule.forRoot({ database: database('audit') }),
        // One document for every service at /api/docs, and each service's own where distributed mode serves it.
        ApiDocsModule.forRoot([
          { path: 'api/docs', title: 'Marketplace API (all services)' },
          ...EMBEDDED_SERVICES.map((service) => ({ path: `api/${service}/docs`, title: `${service} API`, routePrefix: `/api/${service}/` })),
        ]),
        WebUiModule.forRoot({ staticDir: options.webDistDir }),
      ],
      providers: options.demoData === false ? [] : [DemoAgenciesSeeder, DemoUsersSeeder],
    };
  }
}
