import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { systemClock, type Clock } from '../clock';
import { EVENT_TRANSPORT } from '../transport/event-transport';
import { createTransport, transportConfigFromEnv, type TransportConfig } from '../transport/transport-config';
import { HealthHttpController } from './health.http.controller';
import { MessagingRuntime } from './messaging-runtime';
import { CLOCK } from './tokens';

export interface MessagingModuleOptions {
  /** Defaults to the environment (`EVENT_TRANSPORT`, `KAFKA_BROKERS`, …). */
  readonly transport?: TransportConfig;
  readonly clientId?: string;
  readonly clock?: Clock;
}

/** Process-wide: the transport (Kafka or in-process, from configuration), the clock, the runtime, /health. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions = {}): DynamicModule {
    const transportConfig = options.transport ?? transportConfigFromEnv(options.clientId ?? 'marketplace');
    return {
      module: MessagingModule,
      controllers: [HealthHttpController],
      providers: [
        { provide: EVENT_TRANSPORT, useFactory: () => createTransport(transportConfig, new Logger('Kafka')) },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        MessagingRuntime,
      ],
      exports: [EVENT_TRANSPORT, CLOCK, MessagingRuntime],
    };
  }
}
