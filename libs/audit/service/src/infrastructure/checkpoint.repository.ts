import type { EntityManager } from 'typeorm';

/** A signed checkpoint as stored: the C2SP note is the record; size and root are kept beside it for queries. */
export interface StoredCheckpoint {
  readonly size: number;
  /** Lower-case hex of the root hash the note signs (the note itself carries it in base64). */
  readonly rootHash: string;
  readonly note: string;
  readonly createdAt: string;
}

interface CheckpointRow {
  size: string | number;
  root: string;
  note: string;
  created_at: Date | string;
}

/** Checkpoints inside the caller's transaction; like entries, the database refuses to change or remove them. */
export class CheckpointRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(checkpoint: StoredCheckpoint): Promise<void> {
    await this.manager.query(`INSERT INTO audit_checkpoint (size, root, note, created_at) VALUES ($1, $2, $3, $4)`, [
      checkpoint.size,
      checkpoint.rootHash,
      checkpoint.note,
      checkpoint.createdAt,
    ]);
  }

  async latest(): Promise<StoredCheckpoint | null> {
    return this.latestAtMost(null);
  }

  /** The largest checkpoint whose size is at most `size` (any size when null). */
  async latestAtMost(size: number | null): Promise<StoredCheckpoint | null> {
    const [row]: CheckpointRow[] = await this.manager.query(
      `SELECT size, root, note, created_at FROM audit_checkpoint WHERE $1::bigint IS NULL OR size <= $1 ORDER BY size DESC LIMIT 1`,
      [size],
    );
    return row ? toStored(row) : null;
  }

  /** Notes of every checkpoint up to `size`, smallest first: the order an export lists them in. */
  async notesUpTo(size: number): Promise<string[]> {
    const rows: { note: string }[] = await this.manager.query(`SELECT note FROM audit_checkpoint WHERE size <= $1 ORDER BY size`, [size]);
    return rows.map((r) => r.note);
  }
}

function toStored(row: CheckpointRow): StoredCheckpoint {
  return { size: Number(row.size), rootHash: row.root, note: row.note, createdAt: new Date(row.created_at).toISOString() };
}
