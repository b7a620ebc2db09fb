import type { ServiceDatabase } from '@mkt/shared/persistence';
import type { Clock } from '../clock';
import type { MessagingLogger } from '../messaging-logger';
import { PollingLoop } from '../polling-loop';
import type { TransactionContext, UnitOfWork } from '../unit-of-work';

export interface ScheduledTask {
  readonly kind: string;
  readonly key: string;
  readonly dueAt: Date;
  readonly payload: Record<string, unknown>;
  /** Failed runs so far. */
  readonly attempts: number;
}

/** Runs when its deadline has passed, in the transaction that marks the task done: effect and mark commit together. */
export type TaskHandler = (task: ScheduledTask, tx: TransactionContext) => Promise<void>;

export interface TaskSchedulerOptions {
  readonly pollIntervalMs?: number;
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
}

/**
 * Executes a service's durable deadlines (sign-up close, publicity end, reveal deadline…). Time comes from
 * the injected clock, so tests move it; tasks live in the service's database, so a restart loses none and
 * a task due while the service was down runs as soon as it is back. Each task runs once: the row is locked
 * (`FOR UPDATE SKIP LOCKED`, so replicas share the work) and marked done in the handler's own transaction.
 */
export class TaskScheduler {
  private readonly handlers = new Map<string, TaskHandler>();
  private readonly loop: PollingLoop;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;

  constructor(
    private readonly database: ServiceDatabase,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly logger: MessagingLogger,
    options: TaskSchedulerOptions = {},
  ) {
    this.retryDelayMs = options.retryDelayMs ?? 5000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 3_600_000;
    this.loop = new PollingLoop(`scheduler of ${database.service}`, async () => void (await this.runDue()), logger, options.pollIntervalMs ?? 1000);
  }

  on(kind: string, handler: TaskHandler): this {
    if (this.handlers.has(kind)) throw new Error(`a handler for scheduled task ${kind} is already registered`);
    this.handlers.set(kind, handler);
    return this;
  }

  start(): void {
    if (this.handlers.size > 0) this.loop.start();
  }

  wake(): void {
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Runs every task due by the clock's now, one transaction each; returns how many ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    while (await this.runNext()) ran++;
    return ran;
  }

  private async runNext(): Promise<boolean> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return false;
    let claimed: (ScheduledTask & { id: string }) | null = null;
    try {
      return await this.unitOfWork.run(async (tx) => {
        const [row] = await tx.manager.query(
          `SELECT id, kind, key, due_at, payload, attempts FROM scheduled_task
            WHERE done_at IS NULL AND due_at <= $1 AND kind = ANY($2)
            ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [tx.now.toISOString(), kinds],
        );
        if (!row) return false;
        claimed = { id: row.id, kind: row.kind, key: row.key, dueAt: new Date(row.due_at), payload: JSON.parse(row.payload), attempts: row.attempts };
        await (this.handlers.get(row.kind) as TaskHandler)(claimed, tx);
        // The handler may have rescheduled this very task (same kind and key): only a row still due is done.
        await tx.manager.query(`UPDATE scheduled_task SET done_at = $2 WHERE id = $1 AND due_at <= $2`, [row.id, tx.now.toISOString()]);
        return true;
      });
    } catch (error) {
      if (!claimed) throw error;
      await this.postpone(claimed, error as Error);
      return true;
    }
  }

  private async postpone(task: ScheduledTask & { id: string }, error: Error): Promise<void> {
    const delay = Math.min(this.retryDelayMs * 2 ** task.attempts, this.maxRetryDelayMs);
    const retryAt = new Date(this.clock.now().getTime() + delay);
    this.logger.warn(`scheduled task ${task.kind}/${task.key} failed (attempt ${task.attempts + 1}), retrying at ${retryAt.toISOString()}: ${error.message}`);
    await this.database.dataSource.query(`UPDATE scheduled_task SET attempts = attempts + 1, last_error = $2, due_at = $3 WHERE id = $1`, [task.id, error.message, retryAt.toISOString()]);
  }
}
