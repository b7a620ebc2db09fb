import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MerkleLog } from '@mkt/audit/core';
import { AuditLogRepository } from '../infrastructure/audit-log.repository';

// Leaf hashes read per query when (re)building: a large log loads in bounded pieces.
const READ_CHUNK = 50_000;

/**
 * The Merkle tree over the committed log, kept in memory (rebuilt from the stored leaf hashes at start) and
 * extended on demand from the database. It only ever holds committed entries: callers ask for a size that is
 * committed — a checkpoint's, or the head's read without appending in the same transaction — so a rolled-back
 * append can never leave a leaf behind in memory. Positions are immutable, so every replica's tree agrees.
 */
@Injectable()
export class LogTree {
  private readonly tree = new MerkleLog();

  /** The tree, holding at least the first `size` entries (read through the caller's transaction if missing). */
  async covering(size: number, manager: EntityManager): Promise<MerkleLog> {
    const entries = new AuditLogRepository(manager);
    while (this.tree.size < size) {
      const from = this.tree.size;
      const to = Math.min(size, from + READ_CHUNK);
      const hashes = await entries.leafHashes(from, to);
      if (hashes.length !== to - from) throw new Error(`audit log has ${from + hashes.length} entries, not the ${size} asked for`);
      // Another caller may have extended the tree while we read: the same committed hashes, so skip what it added.
      for (let position = this.tree.size; position < to; position++) this.tree.append(hashes[position - from]);
    }
    return this.tree;
  }
}
