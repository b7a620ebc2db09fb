import { contractKey, type EventContract, type EventEnvelope } from '@mkt/shared/contracts';
import type { TransactionContext } from '../unit-of-work';

/** A consumer's reaction to one event, run inside the transaction that also marks the event handled. */
export type EventHandler<P> = (event: EventEnvelope<P>, tx: TransactionContext) => Promise<void>;

export interface Subscription<P = unknown> {
  readonly contract: EventContract<P>;
  readonly handler: EventHandler<P>;
}

/** The events one service consumes, by `type@version`; filled by its handlers at module start. */
export class EventSubscriptions {
  private readonly byKey = new Map<string, Subscription>();

  on<P>(contract: EventContract<P>, handler: EventHandler<P>): this {
    const key = contractKey(contract.type, contract.version);
    if (this.byKey.has(key)) throw new Error(`a handler for ${key} is already registered`);
    this.byKey.set(key, { contract, handler } as Subscription);
    return this;
  }

  find(type: string, version: number): Subscription | undefined {
    return this.byKey.get(contractKey(type, version));
  }

  topics(): string[] {
    return [...new Set([...this.byKey.values()].map((s) => s.contract.topic))].sort();
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }
}
