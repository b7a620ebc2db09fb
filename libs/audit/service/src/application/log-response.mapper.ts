import type { StoredCheckpoint } from '../infrastructure/checkpoint.repository';
import type { StoredEntry } from '../infrastructure/audit-log.repository';
import type { LogKey } from './log-signer';

/** A checkpoint as clients get it: the signed note is what they verify; the rest saves them parsing it. */
export function checkpointView(checkpoint: StoredCheckpoint, key: LogKey) {
  return {
    origin: key.origin,
    size: checkpoint.size,
    rootHash: checkpoint.rootHash,
    note: checkpoint.note,
    createdAt: checkpoint.createdAt,
    verifierKey: key.verifierKey,
  };
}

/** An entry for supervisors: the event as recorded, its position (leaf index) and leaf hash. */
export function entryView(entry: StoredEntry) {
  return {
    position: entry.position,
    eventId: entry.eventId,
    type: entry.eventType,
    producer: entry.producer,
    aggregateId: entry.aggregateId,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    leafHash: entry.leafHash,
    event: JSON.parse(entry.entry) as unknown,
  };
}
