import { Injectable } from '@nestjs/common';
import { hexOf, signCheckpoint } from '@mkt/audit/core';
import { UnitOfWork, type TransactionContext } from '@mkt/shared/messaging';
import { AuditLogRepository } from '../../../infrastructure/audit-log.repository';
import { CheckpointRepository, type StoredCheckpoint } from '../../../infrastructure/checkpoint.repository';
import { LogSigner } from '../../log-signer';
import { LogTree } from '../../log-tree';

export interface SignedCheckpoint {
  /** False when the latest checkpoint already covered the whole log: nothing new was signed. */
  readonly created: boolean;
  readonly checkpoint: StoredCheckpoint;
}

/**
 * Signs a C2SP checkpoint over the log as it stands, unless the latest one already covers it. Every signing
 * path — on demand, on the interval, after a reveal — comes through here.
 */
@Injectable()
export class SignCheckpointHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tree: LogTree,
    private readonly signer: LogSigner,
  ) {}

  execute(): Promise<SignedCheckpoint> {
    return this.unitOfWork.run((tx) => this.signIfGrown(tx));
  }

  /** In the caller's transaction, which must not have appended: the size it signs is read under the head's lock. */
  async signIfGrown(tx: TransactionContext): Promise<SignedCheckpoint> {
    // Appends wait until this transaction ends: the size and every entry below it are committed and stay put.
    const size = await new AuditLogRepository(tx.manager).size({ lock: true });
    const checkpoints = new CheckpointRepository(tx.manager);
    const latest = await checkpoints.latest();
    if (latest && latest.size >= size) return { created: false, checkpoint: latest };
    const key = await this.signer.key();
    const rootHash = (await this.tree.covering(size, tx.manager)).rootAt(size);
    const checkpoint: StoredCheckpoint = {
      size,
      rootHash: hexOf(rootHash),
      note: signCheckpoint({ origin: key.origin, size, rootHash }, key.signer),
      createdAt: tx.now.toISOString(),
    };
    await checkpoints.insert(checkpoint);
    return { created: true, checkpoint };
  }
}
