import type { EntityManager } from 'typeorm';
import type { ServiceDatabase } from '@mkt/shared/persistence';
import { CORRELATION_HEADER } from '../correlation';
import type { EventTransport, TransportMessage } from '../transport/event-transport';
import type { MessagingLogger } from '../messaging-logger';
import { PollingLoop } from '../polling-loop';

export interface OutboxRelayOptions {
  readonly batchSize?: number;
  /** Safety-net poll, for rows no relay was woken for (written by hand, or by a process that died before its pass). */
  readonly pollIntervalMs?: number;
  /** How soon a relay tries again when another replica's relay holds the lock (default 25 ms). */
  readonly busyRetryMs?: number;
  readonly maxBackoffMs?: number;
  /**
   * How long a woken relay waits before its pass, gathering the rows of the commits that follow (default 10 ms on
   * Postgres, 0 embedded): under load one batch then carries many events instead of a few round trips each.
   */
  readonly lingerMs?: number;
}

interface ClaimedRow {
  locked: boolean;
  seq: string;
  topic: string;
  aggregate_id: string;
  envelope: string;
}

// Relays of one database take this transaction-scoped lock per batch: only one batch is ever in flight,
// which is what keeps each aggregate's events in commit order across relay replicas.
export const RELAY_LOCK_KEY = 0x6d6b74; // "mkt"

/**
 * Publishes committed outbox rows in commit order and marks them published. Kafka (or the in-process bus)
 * being unavailable only delays rows: a failed batch stays unpublished and is retried with backoff.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly loop: PollingLoop;
  private readonly busyRetryMs: number;
  private busyRetry: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: ServiceDatabase,
    private readonly transport: EventTransport,
    private readonly logger: MessagingLogger,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.busyRetryMs = options.busyRetryMs ?? 25;
    const step = async () => void (await this.drain());
    const lingerMs = options.lingerMs ?? (database.isEmbedded ? 0 : 10);
    this.loop = new PollingLoop(`outbox relay of ${database.service}`, step, logger, options.pollIntervalMs ?? 2000, options.maxBackoffMs ?? 5000, lingerMs);
  }

  start(): void {
    this.loop.start();
  }

  /** Asks for a prompt pass; a wake during a pass is remembered, never lost. */
  wake(): void {
    this.loop.wake();
  }

  async stop(): Promise<void> {
    if (this.busyRetry) clearTimeout(this.busyRetry);
    this.busyRetry = null;
    await this.loop.stop();
  }

  /** Publishes everything pending now; returns how many rows went out. Used by the loop and by tests. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { published, busy } = await this.relayBatch();
      total += published;
      if (busy) this.retrySoon();
      if (busy || published < this.batchSize) return total;
    }
  }

  /**
   * Another replica's relay holds the lock, and its batch may have been claimed before the commits this relay
   * was woken for: try again shortly rather than leave them to the poll.
   */
  private retrySoon(): void {
    if (this.busyRetry || this.loop.isStopping) return;
    this.busyRetry = setTimeout(() => {
      this.busyRetry = null;
      this.wake();
    }, this.busyRetryMs);
    this.busyRetry.unref();
  }

  private relayBatch(): Promise<{ published: number; busy: boolean }> {
    // PGlite serves one session: holding a transaction open while the in-process bus runs other services'
    // handlers could deadlock two relays waiting on each other's database. An embedded database has
    // exactly one relay (its owning process), so there it reads, publishes and marks without holding locks.
    return this.database.isEmbedded ? this.relayBatchSingleSession() : this.relayBatchLocked();
  }

  private relayBatchLocked(): Promise<{ published: number; busy: boolean }> {
    return this.database.dataSource.transaction(async (manager) => {
      // One statement: the lock (no rows unless this relay holds it), and — since losing the mark in a crash only
      // republishes rows that consumers' inboxes then skip — a commit that need not wait for the disk. The
      // relay row comes back even when nothing is pending, so a busy lock is told apart from an empty outbox.
      const rows: ClaimedRow[] = await manager.query(
        `WITH relay AS (SELECT pg_try_advisory_xact_lock($2) AS locked, set_config('synchronous_commit', 'off', true)),
              pending AS (SELECT seq, topic, aggregate_id, envelope FROM outbox, relay WHERE relay.locked AND published_at IS NULL
                          ORDER BY seq LIMIT $1 FOR UPDATE OF outbox SKIP LOCKED)
         SELECT relay.locked, pending.* FROM relay LEFT JOIN pending ON true ORDER BY pending.seq`,
        [this.batchSize, RELAY_LOCK_KEY],
      );
      const claimed = rows.filter((r) => r.seq !== null);
      return { published: await this.publishAndMark(manager, claimed), busy: rows.length > 0 && !rows[0].locked };
    });
  }

  private async relayBatchSingleSession(): Promise<{ published: number; busy: boolean }> {
    const manager = this.database.dataSource.manager;
    const rows: ClaimedRow[] = await manager.query(
      `SELECT seq, topic, aggregate_id, envelope FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.batchSize],
    );
    return { published: await this.publishAndMark(manager, rows), busy: false };
  }

  private async publishAndMark(manager: EntityManager, rows: readonly ClaimedRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const messages: TransportMessage[] = rows.map((r) => ({ topic: r.topic, key: r.aggregate_id, value: r.envelope, headers: correlationHeaders(r.envelope) }));
    await this.transport.publish(messages);
    await manager.query(`UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
    return rows.length;
  }
}

/** The envelope's correlation id as a transport header; the envelope itself is sent byte for byte as stored. */
function correlationHeaders(envelope: string): Record<string, string> | undefined {
  try {
    const id = (JSON.parse(envelope) as { correlationId?: unknown }).correlationId;
    return typeof id === 'string' ? { [CORRELATION_HEADER]: id } : undefined;
  } catch {
    return undefined; // a row that is not JSON still goes out; the consumer parks it with the reason
  }
}
