import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TaskScheduler } from '@mkt/shared/messaging';
import { AUDIT_LOG_SETTINGS, INTERVAL_CHECKPOINT_TASK, REVEAL_CHECKPOINT_TASK, type AuditLogSettings } from '../../audit-settings';
import { SignCheckpointHandler } from '../commands/sign-checkpoint/sign-checkpoint.handler';

/** The one key of the self-rearming interval task. */
export const INTERVAL_TASK_KEY = 'log';

/**
 * Checkpoints on a schedule: every interval when the log has grown (the task re-arms itself in the same
 * transaction, so exactly one is ever pending), and right after each draw reveal was appended.
 */
@Injectable()
export class OnCheckpointDueHandler implements OnModuleInit {
  constructor(
    private readonly scheduler: TaskScheduler,
    private readonly signing: SignCheckpointHandler,
    @Inject(AUDIT_LOG_SETTINGS) private readonly settings: AuditLogSettings,
  ) {}

  onModuleInit(): void {
    this.scheduler.on(INTERVAL_CHECKPOINT_TASK, async (_task, tx) => {
      await this.signing.signIfGrown(tx);
      tx.schedule(INTERVAL_CHECKPOINT_TASK, INTERVAL_TASK_KEY, new Date(tx.now.getTime() + this.settings.checkpointIntervalMs));
    });
    this.scheduler.on(REVEAL_CHECKPOINT_TASK, async (_task, tx) => {
      await this.signing.signIfGrown(tx);
    });
  }
}
