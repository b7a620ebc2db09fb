import type { EntityManager } from 'typeorm';
import { entryBytesOf, hexOf, hexToBytesOrNull, leafHash } from '@mkt/audit/core';
import type { EventEnvelope } from '@mkt/shared/contracts';

/** One log entry as stored: the event's JCS text and its RFC 9162 leaf hash, at its position (= leaf index). */
export interface StoredEntry {
  readonly position: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly producer: string;
  readonly aggregateId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  /** RFC 8785 (JCS) text of the whole envelope: the leaf's bytes are its UTF-8. */
  readonly entry: string;
  readonly leafHash: string;
}

interface EntryRow {
  position: string | number;
  event_id: string;
  event_type: string;
  producer: string;
  aggregate_id: string;
  occurred_at: Date | string;
  recorded_at: Date | string;
  entry: string;
  leaf_hash: string;
}

const ENTRY_COLUMNS = 'position, event_id, event_type, producer, aggregate_id, occurred_at, recorded_at, entry, leaf_hash';
const utf8 = new TextDecoder();

/** The log's rows inside the caller's transaction. Rows are never changed once written (the database refuses). */
export class AuditLogRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Appends the event at the next position and returns it, or null when the event is already in the log.
   * Locking the head first hands positions out one transaction at a time: dense, and committed in order.
   */
  async append(event: EventEnvelope, recordedAt: Date): Promise<number | null> {
    const [head] = await this.manager.query(`SELECT size FROM audit_log_head WHERE id = 1 FOR UPDATE`);
    const position = Number(head.size);
    const bytes = entryBytesOf(event);
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO audit_log_entry (position, event_id, event_type, producer, aggregate_id, project_id, occurred_at, recorded_at, entry, leaf_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (event_id) DO NOTHING RETURNING position`,
      [position, event.id, event.type, event.producer, event.aggregateId, projectIdOf(event), event.occurredAt, recordedAt.toISOString(), utf8.decode(bytes), hexOf(leafHash(bytes))],
    );
    if (inserted.length === 0) return null;
    await this.manager.query(`UPDATE audit_log_head SET size = size + 1 WHERE id = 1`);
    return position;
  }

  /**
   * The number of committed entries. `lock` holds off appends until this transaction ends, so the size stays
   * the log's size while the transaction signs it.
   */
  async size(options: { lock?: boolean } = {}): Promise<number> {
    const [head] = await this.manager.query(`SELECT size FROM audit_log_head WHERE id = 1${options.lock ? ' FOR UPDATE' : ''}`);
    return Number(head.size);
  }

  /** Leaf hashes of positions [from, to), in order; fails loudly if the stored log has a gap. */
  async leafHashes(from: number, to: number): Promise<Uint8Array[]> {
    if (to <= from) return [];
    const rows: { position: string; leaf_hash: string }[] = await this.manager.query(
      `SELECT position, leaf_hash FROM audit_log_entry WHERE position >= $1 AND position < $2 ORDER BY position`,
      [from, to],
    );
    return rows.map((row, i) => {
      const hash = hexToBytesOrNull(row.leaf_hash);
      if (Number(row.position) !== from + i || hash === null) throw new Error(`audit log is corrupt at position ${from + i}`);
      return hash;
    });
  }

  /** Entries from `from` on, at most `limit` of them (all when `limit` is null), in log order. */
  async entries(from: number, limit: number | null, before?: number): Promise<StoredEntry[]> {
    const rows: EntryRow[] = await this.manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM audit_log_entry WHERE position >= $1 AND ($2::bigint IS NULL OR position < $2) ORDER BY position LIMIT $3`,
      [from, before ?? null, limit ?? null],
    );
    return rows.map(toStored);
  }

  /** Every entry of the given event types, in log order. */
  async ofTypes(types: readonly string[]): Promise<StoredEntry[]> {
    const rows: EntryRow[] = await this.manager.query(`SELECT ${ENTRY_COLUMNS} FROM audit_log_entry WHERE event_type = ANY($1) ORDER BY position`, [types]);
    return rows.map(toStored);
  }

  /** Every entry about any project (in log order), or about the one given: what selection records are made of. */
  async aboutProjects(projectId?: string): Promise<StoredEntry[]> {
    const rows: EntryRow[] = await this.manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM audit_log_entry
       WHERE ($1::text IS NULL AND (project_id IS NOT NULL OR event_type LIKE 'projects.%')) OR project_id = $1 OR aggregate_id = $1
       ORDER BY position`,
      [projectId ?? null],
    );
    return rows.map(toStored);
  }

  /** Every entry that concerns the project: about it as the aggregate, or naming it as payload.projectId. */
  async forProject(projectId: string): Promise<StoredEntry[]> {
    const rows: EntryRow[] = await this.manager.query(
      `SELECT ${ENTRY_COLUMNS} FROM audit_log_entry WHERE aggregate_id = $1 OR project_id = $1 ORDER BY position`,
      [projectId],
    );
    return rows.map(toStored);
  }
}

function projectIdOf(event: EventEnvelope): string | null {
  const payload = event.payload as { projectId?: unknown } | null;
  return typeof payload?.projectId === 'string' ? payload.projectId : null;
}

function toStored(row: EntryRow): StoredEntry {
  return {
    position: Number(row.position),
    eventId: row.event_id,
    eventType: row.event_type,
    producer: row.producer,
    aggregateId: row.aggregate_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    recordedAt: new Date(row.recorded_at).toISOString(),
    entry: row.entry,
    leafHash: row.leaf_hash,
  };
}
