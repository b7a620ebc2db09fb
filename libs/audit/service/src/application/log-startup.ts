import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { bytesEqual, hexOf, verifyCheckpoint, type MerkleLog } from '@mkt/audit/core';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AUDIT_LOG_SETTINGS, INTERVAL_CHECKPOINT_TASK, type AuditLogSettings } from '../audit-settings';
import { AuditLogRepository } from '../infrastructure/audit-log.repository';
import { CheckpointRepository, type StoredCheckpoint } from '../infrastructure/checkpoint.repository';
import { SignCheckpointHandler } from './commands/sign-checkpoint/sign-checkpoint.handler';
import { INTERVAL_TASK_KEY } from './deadlines/on-checkpoint-due.handler';
import { LogSigner, type LogKey } from './log-signer';
import { LogTree } from './log-tree';

/**
 * Before the service consumes anything: load the key, rebuild the tree from the stored leaf hashes, and refuse
 * to start if the latest checkpoint is not this key's signature over exactly those leaves — a log that no longer
 * matches what it signed must not sign anything more. Then cover what arrived since (a crash may have left
 * entries unsigned) and arm the interval checkpoint.
 */
@Injectable()
export class AuditLogStartup implements OnModuleInit {
  private readonly logger = new Logger('audit');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly signer: LogSigner,
    private readonly tree: LogTree,
    private readonly signing: SignCheckpointHandler,
    @Inject(AUDIT_LOG_SETTINGS) private readonly settings: AuditLogSettings,
  ) {}

  async onModuleInit(): Promise<void> {
    const key = await this.signer.key();
    const latest = await this.unitOfWork.run(async (tx) => {
      const tree = await this.tree.covering(await new AuditLogRepository(tx.manager).size(), tx.manager);
      const stored = await new CheckpointRepository(tx.manager).latest();
      if (stored) requireMatchingCheckpoint(stored, tree, key);
      const { checkpoint } = await this.signing.signIfGrown(tx);
      tx.schedule(INTERVAL_CHECKPOINT_TASK, INTERVAL_TASK_KEY, new Date(tx.now.getTime() + this.settings.checkpointIntervalMs));
      return checkpoint;
    });
    this.logger.log(`log ${key.origin}: ${latest.size} entries, signed by ${key.verifierKey}`);
  }
}

function requireMatchingCheckpoint(stored: StoredCheckpoint, tree: MerkleLog, key: LogKey): void {
  const refuse = (why: string) => new Error(`audit log refuses to start: the latest checkpoint (size ${stored.size}) ${why}`);
  const verified = verifyCheckpoint(stored.note, key.verifier);
  if (!verified.ok) {
    throw refuse(`is not signed by the configured key ${key.verifierKey} (${verified.failure.kind}); changing the key or origin starts a new log and is not supported`);
  }
  const { checkpoint } = verified;
  if (checkpoint.origin !== key.origin) throw refuse(`is for origin ${checkpoint.origin}, not ${key.origin}`);
  if (checkpoint.size !== stored.size || hexOf(checkpoint.rootHash) !== stored.rootHash) throw refuse('does not match its own note');
  if (checkpoint.size > tree.size) throw refuse(`covers more entries than the ${tree.size} stored: entries were removed`);
  if (!bytesEqual(tree.rootAt(checkpoint.size), checkpoint.rootHash)) throw refuse('does not match the stored leaf hashes: an entry was changed, removed or inserted');
}
