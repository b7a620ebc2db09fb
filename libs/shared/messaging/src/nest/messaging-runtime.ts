import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventEnvelope } from '@mkt/shared/contracts';
import type { Delivery } from '../inbox/inbox-consumer';
import type { ServiceHealth, ServicePlatform } from '../service-platform';
import { EVENT_TRANSPORT, type EventTransport } from '../transport/event-transport';

/**
 * Starts and stops every service platform of this process in a safe order: all consumers join before any
 * relay publishes (in embedded mode an event published before its consumer subscribed would be missed),
 * and relays and consumers stop before databases close.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private readonly platforms: ServicePlatform[] = [];
  private readonly deliveryListeners: ((service: string, outcome: Delivery, event: EventEnvelope | null) => void)[] = [];
  private started = false;

  constructor(@Inject(EVENT_TRANSPORT) readonly transport: EventTransport) {}

  register(platform: ServicePlatform): ServicePlatform {
    if (this.platforms.some((p) => p.service === platform.service)) throw new Error(`service ${platform.service} registered twice`);
    this.platforms.push(platform);
    platform.inbox.observe((outcome, event) => {
      for (const listener of this.deliveryListeners) listener(platform.service, outcome, event);
    });
    return platform;
  }

  /** Every message any service of this process consumed, with its outcome (metrics). */
  onDelivery(listener: (service: string, outcome: Delivery, event: EventEnvelope | null) => void): void {
    this.deliveryListeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const platform of this.platforms) await platform.startConsuming();
    for (const platform of this.platforms) platform.startRelaying();
    this.started = true;
    this.logger.log(`${this.transport.kind} transport: ${this.platforms.map((p) => p.service).join(', ') || 'no services'}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await Promise.all(this.platforms.map((p) => p.stop()));
    await this.transport.close();
  }

  async health(): Promise<Record<string, ServiceHealth>> {
    const entries = await Promise.all(this.platforms.map(async (p) => [p.service, await p.health()] as const));
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }

  platform(service: string): ServicePlatform | undefined {
    return this.platforms.find((p) => p.service === service);
  }
}
