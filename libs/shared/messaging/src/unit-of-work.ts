import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { describeIssues, type EventContract, type EventEnvelope } from '@mkt/shared/contracts';
import { DomainError } from '@mkt/shared/kernel';
import type { ServiceDatabase } from '@mkt/shared/persistence';
import type { Clock } from './clock';
import { currentCorrelationId } from './correlation';
import { outboxRowOf, type OutboxRow } from './outbox/outbox-row';

/** What a use case gets inside its transaction: the entity manager and a way to record events. */
export interface TransactionContext {
  readonly manager: EntityManager;
  /** Time of this unit of work, from the injected clock: stamp state and events with it. */
  readonly now: Date;
  /** Records an event in the outbox, committed atomically with the state change. */
  publish<P>(contract: EventContract<P>, aggregateId: string, payload: P): EventEnvelope<P>;
  /**
   * Sets a durable deadline, committed with the state change: at `dueAt` (by the injected clock) the
   * service's `TaskScheduler` runs the handler for `kind`. The same kind and key again moves the deadline.
   */
  schedule(kind: string, key: string, dueAt: Date, payload?: Record<string, unknown>): void;
}

interface PendingTask {
  readonly kind: string;
  readonly key: string;
  readonly dueAt: Date;
  readonly payload: Record<string, unknown>;
}

/** A client-chosen key that makes a command run once; the fingerprint detects the same key on a different request. */
export interface IdempotencyKey {
  /** Who and what the key belongs to, e.g. `registry.register-agency:<userId>`: keys never collide across users. */
  readonly scope: string;
  readonly key: string;
  /** Hash of the request body: the same key with another body is refused, not silently answered. */
  readonly fingerprint: string;
}

export interface CausationMetadata {
  /** Id shared by everything one user action sets off. */
  readonly correlationId?: string;
  /** Id of the event or request that caused this unit of work. */
  readonly causationId?: string | null;
  /** When set, a repeat of the request returns the first result and changes nothing. */
  readonly idempotency?: IdempotencyKey | null;
}

/**
 * A service's transaction boundary: state changes, outbox rows and inbox marks commit together or not at all.
 * After a commit that wrote events, `onEventsCommitted` wakes the relay so publication is prompt.
 */
export class UnitOfWork {
  constructor(
    private readonly producer: string,
    private readonly database: ServiceDatabase,
    private readonly clock: Clock,
    private readonly onEventsCommitted: () => void = () => undefined,
    private readonly onTasksScheduled: () => void = () => undefined,
  ) {}

  async run<T>(work: (tx: TransactionContext) => Promise<T>, metadata: CausationMetadata = {}): Promise<T> {
    let wroteEvents = false;
    let scheduled = false;
    const result = await this.database.dataSource.transaction(async (manager) => {
      const key = metadata.idempotency;
      if (key) {
        // The key row is claimed first, in the same transaction: a concurrent duplicate waits on it, then
        // finds the committed answer.
        const claimed: unknown[] = await manager.query(
          `INSERT INTO idempotent_requests (scope, key, fingerprint, response) VALUES ($1, $2, $3, '')
           ON CONFLICT DO NOTHING RETURNING key`,
          [key.scope, key.key, key.fingerprint],
        );
        if (claimed.length === 0) return (await findEarlierAnswer<T>(manager, key)) as T;
      }
      // Without an explicit id, the request or event being handled lends its own (see withCorrelationId).
      const { tx, pending, tasks } = this.context(manager, { ...metadata, correlationId: metadata.correlationId ?? currentCorrelationId() });
      const value = await work(tx);
      wroteEvents = await insertOutboxRows(manager, pending);
      scheduled = await upsertTasks(manager, tasks);
      if (key) {
        await manager.query(`UPDATE idempotent_requests SET response = $3 WHERE scope = $1 AND key = $2`, [key.scope, key.key, JSON.stringify(value ?? null)]);
      }
      return value;
    });
    if (wroteEvents) this.onEventsCommitted();
    if (scheduled) this.onTasksScheduled();
    return result;
  }

  /**
   * Runs a consumer's effect at most once per event: the inbox mark and the effect share one transaction.
   * Returns false, doing nothing, when this consumer already handled the event.
   */
  async runOnce(consumer: string, event: EventEnvelope, work: (tx: TransactionContext) => Promise<void>): Promise<boolean> {
    const [firstTime] = await this.runOnceEach(consumer, [event], (_, tx) => work(tx));
    return firstTime;
  }

  /**
   * The same for several events in one transaction (one commit for the lot), in order; an event this
   * consumer already handled is skipped. Any failure rolls back every effect and mark of the run.
   */
  async runOnceEach(consumer: string, events: readonly EventEnvelope[], work: (event: EventEnvelope, tx: TransactionContext, index: number) => Promise<void>): Promise<boolean[]> {
    let wroteEvents = false;
    let scheduled = false;
    const firstTimes = await this.database.dataSource.transaction(async (manager) => {
      const results: boolean[] = [];
      for (const [index, event] of events.entries()) {
        const marked: unknown[] = await manager.query(
          `INSERT INTO inbox (consumer, event_id, event_type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
          [consumer, event.id, event.type],
        );
        results.push(marked.length > 0);
        if (marked.length === 0) continue;
        const { tx, pending, tasks } = this.context(manager, { correlationId: event.correlationId, causationId: event.id });
        await work(event, tx, index);
        wroteEvents = (await insertOutboxRows(manager, pending)) || wroteEvents;
        scheduled = (await upsertTasks(manager, tasks)) || scheduled;
      }
      return results;
    });
    if (wroteEvents) this.onEventsCommitted();
    if (scheduled) this.onTasksScheduled();
    return firstTimes;
  }

  /**
   * For a hot path whose whole change is one SQL statement, atomic by itself: no transaction is opened, so it
   * costs no BEGIN and COMMIT round trips. The reads before that statement see committed data that may change
   * meanwhile, so the statement must re-check, under row locks, everything the change relies on. The work inserts
   * the outbox rows that `record` returns in that statement (and its Idempotency-Key with the answer, if any);
   * the relay is woken afterwards.
   */
  async runInOneStatement<T>(work: (tx: StatementContext) => Promise<T>, metadata: Omit<CausationMetadata, 'idempotency'> = {}): Promise<T> {
    let recorded = false;
    const envelopes = this.envelopes({ ...metadata, correlationId: metadata.correlationId ?? currentCorrelationId() });
    const result = await work({
      manager: this.database.dataSource.manager,
      now: envelopes.now,
      record: (contract, aggregateId, payload) => {
        recorded = true;
        return outboxRowOf(contract.topic, envelopes.envelope(contract, aggregateId, payload));
      },
    });
    if (recorded) this.onEventsCommitted();
    return result;
  }

  private context(manager: EntityManager, metadata: CausationMetadata): { tx: TransactionContext; pending: OutboxRow[]; tasks: PendingTask[] } {
    const pending: OutboxRow[] = [];
    const tasks: PendingTask[] = [];
    const envelopes = this.envelopes(metadata);
    const tx: TransactionContext = {
      manager,
      now: envelopes.now,
      publish<P>(contract: EventContract<P>, aggregateId: string, payload: P): EventEnvelope<P> {
        const envelope = envelopes.envelope(contract, aggregateId, payload);
        pending.push(outboxRowOf(contract.topic, envelope));
        return envelope;
      },
      schedule(kind: string, key: string, dueAt: Date, payload: Record<string, unknown> = {}): void {
        tasks.push({ kind, key, dueAt, payload });
      },
    };
    return { tx, pending, tasks };
  }

  /** Envelopes stamped with this unit of work's time and causation; a payload its contract refuses is never recorded. */
  private envelopes(metadata: CausationMetadata) {
    const now = this.clock.now();
    const producer = this.producer;
    return {
      now,
      envelope<P>(contract: EventContract<P>, aggregateId: string, payload: P): EventEnvelope<P> {
        const checked = contract.validate(payload);
        // An invalid payload here is a programming error in this service: fail the transaction, publish nothing.
        if (!checked.ok) throw new Error(`refusing to publish invalid ${contract.type}@${contract.version}: ${describeIssues(checked.issues)}`);
        const id = randomUUID();
        return {
          id,
          type: contract.type,
          version: contract.version,
          occurredAt: now.toISOString(),
          producer,
          aggregateId,
          correlationId: metadata.correlationId ?? id,
          causationId: metadata.causationId ?? null,
          payload,
        };
      },
    };
  }
}

/** What `runInOneStatement` gives its work: the manager, the time, and events turned into outbox rows for it to insert. */
export interface StatementContext {
  readonly manager: EntityManager;
  readonly now: Date;
  record<P>(contract: EventContract<P>, aggregateId: string, payload: P): OutboxRow;
}

/** A key's stored request fingerprint and answer, as `idempotent_requests` holds them. */
export interface StoredIdempotentRequest {
  readonly fingerprint: string;
  readonly response: string;
}

/**
 * The answer a repeated request gets: the first one's response, or a conflict when the same key came with a
 * different request; undefined when the key was never used.
 */
export function earlierAnswer<T>(stored: StoredIdempotentRequest | undefined, key: IdempotencyKey): T | undefined {
  if (!stored) return undefined;
  if (stored.fingerprint !== key.fingerprint) {
    throw new DomainError('REQUEST.IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used for a different request', 'conflict', 'Idempotency-Key');
  }
  return JSON.parse(stored.response) as T;
}

/** The earlier answer to a key, read on its own (see `earlierAnswer`). */
export async function findEarlierAnswer<T>(manager: EntityManager, key: IdempotencyKey): Promise<T | undefined> {
  const [stored] = await manager.query(`SELECT fingerprint, response FROM idempotent_requests WHERE scope = $1 AND key = $2`, [key.scope, key.key]);
  return earlierAnswer<T>(stored, key);
}

async function upsertTasks(manager: EntityManager, tasks: readonly PendingTask[]): Promise<boolean> {
  for (const t of tasks) {
    await manager.query(
      `INSERT INTO scheduled_task (kind, key, due_at, payload) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, key) DO UPDATE SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload, done_at = NULL, attempts = 0, last_error = NULL`,
      [t.kind, t.key, t.dueAt.toISOString(), JSON.stringify(t.payload)],
    );
  }
  return tasks.length > 0;
}

async function insertOutboxRows(manager: EntityManager, rows: readonly OutboxRow[]): Promise<boolean> {
  if (rows.length === 0) return false;
  const values: unknown[] = [];
  const tuples = rows.map((row, i) => {
    values.push(row.eventId, row.topic, row.aggregateId, row.eventType, row.envelope);
    const p = i * 5;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5})`;
  });
  await manager.query(`INSERT INTO outbox (event_id, topic, aggregate_id, event_type, envelope) VALUES ${tuples.join(', ')}`, values);
  return true;
}
