import type { MessagingLogger } from './messaging-logger';

/**
 * Runs `step` again and again: promptly after `wake()`, otherwise every `intervalMs`, and after a failure
 * with a doubling delay (up to `maxBackoffMs`) that new wakes do not cut short, so an outage is not hammered.
 * A wake that arrives during a step is remembered, never lost. With `lingerMs`, a pass waits that long after it
 * is woken, so that a burst of wakes (a commit each) is served by one pass instead of one pass each.
 */
export class PollingLoop {
  private wakeRequested = false;
  private wakeUp: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly name: string,
    private readonly step: () => Promise<void>,
    private readonly logger: MessagingLogger,
    private readonly intervalMs: number,
    private readonly maxBackoffMs = 5000,
    private readonly lingerMs = 0,
  ) {}

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
    this.running = null;
  }

  private async loop(): Promise<void> {
    let backoff = 100;
    while (!this.stopping) {
      this.wakeRequested = false;
      try {
        await this.step();
        backoff = 100;
      } catch (error) {
        this.logger.warn(`${this.name}: ${(error as Error).message}; retrying in ${backoff} ms`);
        await this.sleep(backoff, false);
        backoff = Math.min(backoff * 2, this.maxBackoffMs);
        continue;
      }
      await this.sleep(this.intervalMs, true);
      if (this.lingerMs > 0 && !this.stopping) await this.sleep(this.lingerMs, false);
    }
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (wakeable && (this.wakeRequested || this.stopping)) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeUp = wakeable ? finish : () => (this.stopping ? finish() : undefined);
    });
  }
}
