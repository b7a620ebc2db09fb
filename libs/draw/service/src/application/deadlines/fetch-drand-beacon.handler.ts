import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { TaskScheduler, type ScheduledTask, type TransactionContext } from '@mkt/shared/messaging';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { DrandRelays } from '../../infrastructure/drand-relays';
import { DRAND_FETCH_TASK, DRAND_RETRY_FIRST_MS, DRAND_RETRY_MAX_MS } from '../../draw-settings';
import { SubmitBeaconHandler } from '../commands/submit-beacon/submit-beacon.handler';

export function drandRetryDelayMs(attempt: number): number {
  return Math.min(DRAND_RETRY_FIRST_MS * 2 ** attempt, DRAND_RETRY_MAX_MS);
}

/**
 * Step 3 for drand draws on a deployment with relays (`DRAW_DRAND_URLS`): at the planned round's time a durable task
 * fires; it books its own next attempt (backing off, up to the reveal deadline) in its transaction, and sets off the
 * fetch outside it, so no database transaction waits on the network. A verified beacon reveals the draw in one
 * transaction through the same use case as a beacon carried in by hand. The task lives in the database: a restart
 * loses no attempt. Past the reveal deadline nothing is fetched; the deadline task flags the draw.
 */
@Injectable()
export class FetchDrandBeaconHandler implements OnModuleInit, OnModuleDestroy {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly log = new Logger('draw');

  constructor(
    private readonly scheduler: TaskScheduler,
    private readonly relays: DrandRelays,
    private readonly submitBeacon: SubmitBeaconHandler,
  ) {}

  onModuleInit(): void {
    this.scheduler.on(DRAND_FETCH_TASK, (task, tx) => this.onDue(task, tx));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.settled();
  }

  /** Resolves once every fetch set off so far has ended, revealed or not. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  private async onDue(task: ScheduledTask, tx: TransactionContext): Promise<void> {
    // Offline deployment: beacons are carried in by hand (POST /api/draw/draws/:drawId/beacon).
    if (!this.relays.online) return;
    const draw = await new DrawRepository(tx.manager).find(task.key);
    const plan = draw.commitment.entropyPlan;
    if (draw.status !== 'COMMITTED' || plan.source !== 'drand') return;
    const deadline = Date.parse(draw.revealDeadline);
    if (tx.now.getTime() >= deadline) return;
    const attempt = typeof task.payload['attempt'] === 'number' ? task.payload['attempt'] : 0;
    const next = tx.now.getTime() + drandRetryDelayMs(attempt);
    if (next < deadline) tx.schedule(DRAND_FETCH_TASK, draw.drawId, new Date(next), { attempt: attempt + 1 });
    this.fetchAndReveal(draw.drawId, plan, attempt);
  }

  /** One fetch per draw at a time; an attempt that finds one still running leaves it be. */
  private fetchAndReveal(drawId: string, plan: { chainHash: string; round: number }, attempt: number): void {
    if (this.inFlight.has(drawId) || this.stopping.signal.aborted) return;
    const run = (async () => {
      const fetched = await this.relays.beaconFor(plan, attempt, this.stopping.signal);
      if (!fetched.entropy) {
        this.log.warn(`drand draw ${drawId}: no valid beacon for round ${plan.round} yet (attempt ${attempt + 1}: ${fetched.tried.map((t) => `${t.relay} ${t.outcome}`).join(', ')})`);
        return;
      }
      await this.submitBeacon.execute({ drawId, round: fetched.entropy.round, signature: fetched.entropy.signature });
    })()
      .catch((error: Error) => this.log.error(`drand draw ${drawId}: fetching round ${plan.round} failed: ${error.message}`))
      .finally(() => this.inFlight.delete(drawId));
    this.inFlight.set(drawId, run);
  }
}
