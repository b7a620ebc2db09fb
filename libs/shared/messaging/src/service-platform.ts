import type { ServiceDatabase } from '@mkt/shared/persistence';
import type { Clock } from './clock';
import { EventSubscriptions } from './inbox/event-subscriptions';
import { InboxConsumer, type InboxConsumerOptions } from './inbox/inbox-consumer';
import type { MessagingLogger } from './messaging-logger';
import { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
import { TaskScheduler, type TaskSchedulerOptions } from './scheduling/task-scheduler';
import type { EventTransport, TransportSubscription } from './transport/event-transport';
import { UnitOfWork } from './unit-of-work';

export interface ServicePlatformOptions {
  readonly service: string;
  /** Topics this service produces; created up front so consumers can subscribe before the first event. */
  readonly produces: readonly string[];
  readonly relay?: OutboxRelayOptions;
  readonly inbox?: InboxConsumerOptions;
  readonly scheduler?: TaskSchedulerOptions;
}

export interface ServiceHealth {
  readonly database: 'up' | 'down';
  readonly unpublishedEvents: number | null;
  readonly parkedEvents: number | null;
}

/**
 * Everything one service needs to take part in the event backbone, assembled without a framework:
 * its unit of work (outbox writer), relay, inbox consumer and subscriptions, over its own database.
 */
export class ServicePlatform {
  readonly subscriptions = new EventSubscriptions();
  readonly unitOfWork: UnitOfWork;
  readonly relay: OutboxRelay;
  readonly inbox: InboxConsumer;
  readonly scheduler: TaskScheduler;
  private subscription: TransportSubscription | null = null;

  constructor(
    readonly options: ServicePlatformOptions,
    readonly database: ServiceDatabase,
    private readonly transport: EventTransport,
    clock: Clock,
    logger: MessagingLogger,
  ) {
    this.relay = new OutboxRelay(database, transport, logger, options.relay);
    this.unitOfWork = new UnitOfWork(options.service, database, clock, () => this.relay.wake(), () => this.scheduler.wake());
    this.inbox = new InboxConsumer(options.service, database, this.unitOfWork, this.subscriptions, logger, options.inbox);
    this.scheduler = new TaskScheduler(database, this.unitOfWork, clock, logger, options.scheduler);
  }

  get service(): string {
    return this.options.service;
  }

  /** Creates the topics this service touches and joins its consumer group (one group per service). */
  async startConsuming(): Promise<void> {
    await this.transport.ensureTopics([...new Set([...this.options.produces, ...this.subscriptions.topics()])]);
    if (this.subscriptions.isEmpty || this.subscription) return;
    this.subscription = await this.transport.subscribe(this.service, this.subscriptions.topics(), async (messages, keepAlive) => {
      await this.inbox.deliverAll(messages, keepAlive);
    });
  }

  /** Starts publishing the outbox and running due deadlines. */
  startRelaying(): void {
    this.relay.start();
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    await this.relay.stop();
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }

  async health(): Promise<ServiceHealth> {
    try {
      const [{ unpublished, parked }] = await this.database.dataSource.query(
        `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int AS unpublished,
                (SELECT count(*) FROM parked_events)::int AS parked`,
      );
      return { database: 'up', unpublishedEvents: unpublished, parkedEvents: parked };
    } catch {
      return { database: 'down', unpublishedEvents: null, parkedEvents: null };
    }
  }
}
