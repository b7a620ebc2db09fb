import { describeIssues, validateEnvelope, type EventEnvelope } from '@mkt/shared/contracts';
import type { ServiceDatabase } from '@mkt/shared/persistence';
import { CORRELATION_HEADER, isAcceptableCorrelationId, withCorrelationId } from '../correlation';
import type { MessagingLogger } from '../messaging-logger';
import type { KeepAlive, TransportMessage } from '../transport/event-transport';
import type { UnitOfWork } from '../unit-of-work';
import type { EventSubscriptions, Subscription } from './event-subscriptions';

export interface InboxConsumerOptions {
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
}

/** What became of one delivered message; returned for tests and metrics. */
export type Delivery = 'handled' | 'duplicate' | 'ignored' | 'parked';

/** Told of every delivered message once its outcome is recorded; the envelope when it could be read. */
export type DeliveryObserver = (outcome: Delivery, event: EventEnvelope | null) => void;

type Checked =
  | { readonly kind: 'ready'; readonly message: TransportMessage; readonly event: EventEnvelope; readonly subscription: Pick<Subscription, 'handler'> }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'invalid'; readonly message: TransportMessage; readonly parsed: unknown; readonly reason: string };

/**
 * Turns delivered messages into at most one effect each: validates envelope and payload against the
 * producer's contract, runs the handler with the inbox mark in one transaction, retries with backoff, and
 * parks what cannot be handled (with the reason) so that the messages behind it keep flowing.
 */
export class InboxConsumer {
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly observers: DeliveryObserver[] = [];

  constructor(
    readonly consumer: string,
    private readonly database: ServiceDatabase,
    private readonly unitOfWork: UnitOfWork,
    private readonly subscriptions: EventSubscriptions,
    private readonly logger: MessagingLogger,
    options: InboxConsumerOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 200;
  }

  observe(observer: DeliveryObserver): void {
    this.observers.push(observer);
  }

  async deliver(message: TransportMessage): Promise<Delivery> {
    const [outcome] = await this.deliverAll([message]);
    return outcome;
  }

  /**
   * Handles a run of messages from one partition, in order. The valid ones are first tried together in a
   * single transaction (one commit for the lot); if that fails, each is handled on its own, with retries
   * and parking, so one bad event cannot hold back or take down the others. `keepAlive` is called between
   * retries: a run with several failing events takes seconds, and the broker must not take the consumer
   * for dead meanwhile (it would hand the partition to another member and the run would start again).
   */
  async deliverAll(messages: readonly TransportMessage[], keepAlive: KeepAlive = async () => undefined): Promise<Delivery[]> {
    const checked = messages.map((m) => this.check(m));
    const outcomes: Delivery[] = checked.map((c) => (c.kind === 'ignored' ? 'ignored' : 'parked'));
    const ready = checked.flatMap((c, i) => (c.kind === 'ready' ? [{ ...c, index: i }] : []));
    const together = ready.length > 1 ? await this.tryTogether(ready) : null;
    for (const [i, c] of checked.entries()) {
      if (c.kind === 'invalid') outcomes[i] = await this.parkInvalid(c);
    }
    for (const [position, item] of ready.entries()) {
      outcomes[item.index] = together ? together[position] : await this.handleAlone(item, keepAlive);
    }
    for (const [i, c] of checked.entries()) {
      const event = c.kind === 'ready' ? c.event : null;
      for (const observer of this.observers) observer(outcomes[i], event);
    }
    return outcomes;
  }

  private check(message: TransportMessage): Checked {
    let raw: unknown;
    try {
      raw = JSON.parse(message.value);
    } catch (error) {
      return { kind: 'invalid', message, parsed: null, reason: `malformed JSON: ${(error as Error).message}` };
    }
    const envelope = validateEnvelope(raw);
    if (!envelope.ok) return { kind: 'invalid', message, parsed: raw, reason: `invalid envelope: ${describeIssues(envelope.issues)}` };
    const event = envelope.value as EventEnvelope;
    const subscription = this.subscriptions.find(event.type, event.version);
    if (!subscription) {
      const everything = this.subscriptions.everyEventOn(message.topic);
      return everything ? { kind: 'ready', message, event, subscription: everything } : { kind: 'ignored' };
    }
    const payload = subscription.contract.validate(event.payload);
    if (!payload.ok) return { kind: 'invalid', message, parsed: event, reason: `invalid payload for ${event.type}@${event.version}: ${describeIssues(payload.issues)}` };
    return { kind: 'ready', message, event, subscription };
  }

  private async tryTogether(ready: readonly Extract<Checked, { kind: 'ready' }>[]): Promise<Delivery[] | null> {
    try {
      const firstTimes = await this.unitOfWork.runOnceEach(
        this.consumer,
        ready.map((r) => r.event),
        (event, tx, index) => withCorrelationId(correlationOf(ready[index].message, event), () => ready[index].subscription.handler(event, tx)),
      );
      return firstTimes.map((first) => (first ? 'handled' : 'duplicate'));
    } catch {
      return null;
    }
  }

  private handleAlone(ready: Extract<Checked, { kind: 'ready' }>, keepAlive: KeepAlive): Promise<Delivery> {
    // The handler's log lines, retries and parking carry the id of the request that set the event off.
    return withCorrelationId(correlationOf(ready.message, ready.event), () => this.handleAloneInContext(ready, keepAlive));
  }

  private async handleAloneInContext({ message, event, subscription }: Extract<Checked, { kind: 'ready' }>, keepAlive: KeepAlive): Promise<Delivery> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      try {
        const firstTime = await this.unitOfWork.runOnce(this.consumer, event, (tx) => subscription.handler(event, tx));
        return firstTime ? 'handled' : 'duplicate';
      } catch (error) {
        lastError = error;
        if (attempt < this.maxAttempts) {
          await delay(this.retryDelayMs * 2 ** (attempt - 1));
          await keepAlive();
        }
      }
    }
    return this.park(message, event, `handler failed ${this.maxAttempts} times: ${(lastError as Error)?.message ?? String(lastError)}`, this.maxAttempts);
  }

  /** An unreadable message has no trusted envelope: the parking line carries the header's id when there is one. */
  private parkInvalid({ message, parsed, reason }: Extract<Checked, { kind: 'invalid' }>): Promise<Delivery> {
    const header = message.headers?.[CORRELATION_HEADER];
    const park = () => this.park(message, parsed, reason, 0);
    return isAcceptableCorrelationId(header) ? withCorrelationId(header, park) : park();
  }

  /**
   * Parks a message in this consumer's own database. If even that fails (database down), the error
   * propagates and the transport redelivers later: nothing is acknowledged that was not recorded.
   */
  private async park(message: TransportMessage, parsed: unknown, reason: string, attempts: number): Promise<Delivery> {
    const event = (parsed ?? {}) as Partial<EventEnvelope>;
    const eventId = typeof event.id === 'string' ? event.id : null;
    const eventType = typeof event.type === 'string' ? event.type : null;
    await this.database.dataSource.query(
      `INSERT INTO parked_events (consumer, topic, event_id, event_type, raw, reason, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [this.consumer, message.topic, eventId, eventType, message.value, reason, attempts],
    );
    this.logger.warn(`${this.consumer} parked a message from ${message.topic}${eventId ? ` (event ${eventId})` : ''}: ${reason}`);
    return 'parked';
  }
}

/** The transport header first (set by the relay), else the envelope's own field. */
function correlationOf(message: TransportMessage, event: EventEnvelope): string {
  const header = message.headers?.[CORRELATION_HEADER];
  return isAcceptableCorrelationId(header) ? header : event.correlationId;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
