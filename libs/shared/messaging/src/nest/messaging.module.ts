import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import type { Clock } from '../clock';
import { clockFromEnv } from '../shifted-clock';
import { EVENT_TRANSPORT } from '../transport/event-transport';
import { createTransport, transportConfigFromEnv, type TransportConfig } from '../transport/transport-config';
import { HealthHttpController } from './health.http.controller';
import { MessagingRuntime } from './messaging-runtime';
import { CLOCK } from './tokens';

export interface MessagingModuleOptions {
  /** Defaults to the environment (`EVENT_TRANSPORT`, `KAFKA_BROKERS`, …). */
  readonly transport?: TransportConfig;
  readonly clientId?: string;
  /** Defaults to the system clock, or the shifted test clock when `MKT_CLOCK_OFFSET_FILE` is set. */
  readonly clock?: Clock;
}

/** Process-wide: the transport (Kafka or in-process, from configuration), the clock, the runtime, /health. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions = {}): DynamicModule {
    const transportConfig = options.transport ?? transportConfigFromEnv(options.clientId ?? 'marketplace');
    const clock = options.clock ?? clockOfProcess();
    return {
      module: MessagingModule,
      controllers: [HealthHttpController],
      providers: [
        { provide: EVENT_TRANSPORT, useFactory: () => createTransport(transportConfig, new Logger('Kafka')) },
        { provide: CLOCK, useValue: clock },
        MessagingRuntime,
      ],
      exports: [EVENT_TRANSPORT, CLOCK, MessagingRuntime],
    };
  }
}

function clockOfProcess(): Clock {
  const { clock, shifted } = clockFromEnv(process.env);
  if (shifted) new Logger('Clock').warn(`running on a SHIFTED clock from ${shifted} (MKT_CLOCK_OFFSET_FILE): for end-to-end tests only`);
  return clock;
}
