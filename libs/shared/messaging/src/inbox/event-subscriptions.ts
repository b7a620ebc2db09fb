import { contractKey, type EventContract, type EventEnvelope } from '@mkt/shared/contracts';
import type { TransactionContext } from '../unit-of-work';

/** A consumer's reaction to one event, run inside the transaction that also marks the event handled. */
export type EventHandler<P> = (event: EventEnvelope<P>, tx: TransactionContext) => Promise<void>;

export interface Subscription<P = unknown> {
  readonly contract: EventContract<P>;
  readonly handler: EventHandler<P>;
}

/** A consumer of every event on some topics, whatever its type — the audit log is one. */
export interface TopicSubscription {
  readonly topics: readonly string[];
  readonly handler: EventHandler<unknown>;
}

/** The events one service consumes, by `type@version`; filled by its handlers at module start. */
export class EventSubscriptions {
  private readonly byKey = new Map<string, Subscription>();
  private everything: TopicSubscription | null = null;

  on<P>(contract: EventContract<P>, handler: EventHandler<P>): this {
    const key = contractKey(contract.type, contract.version);
    if (this.byKey.has(key)) throw new Error(`a handler for ${key} is already registered`);
    this.byKey.set(key, { contract, handler } as Subscription);
    return this;
  }

  /**
   * Receives every event on these topics that no typed handler claims, with only its envelope validated:
   * for a consumer that must keep what it does not understand yet (a newer version, a new event type).
   */
  onEveryEvent(topics: readonly string[], handler: EventHandler<unknown>): this {
    if (this.everything) throw new Error('a handler for every event is already registered');
    this.everything = { topics: [...topics], handler };
    return this;
  }

  find(type: string, version: number): Subscription | undefined {
    return this.byKey.get(contractKey(type, version));
  }

  /** The catch-all handler for a topic, if one was registered. */
  everyEventOn(topic: string): TopicSubscription | null {
    return this.everything && this.everything.topics.includes(topic) ? this.everything : null;
  }

  topics(): string[] {
    return [...new Set([...[...this.byKey.values()].map((s) => s.contract.topic), ...(this.everything?.topics ?? [])])].sort();
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0 && this.everything === null;
  }
}
