import { Logger } from '@nestjs/common';
import { drandEntropyFromRelay, QUICKNET, type DrandEntropy } from '@mkt/draw/core';

/** Where and how patiently to fetch beacons. No relays: an offline deployment, where beacons are carried in by hand. */
export interface DrandRelaySettings {
  /** Base URLs of drand HTTP relays (e.g. `https://api.drand.sh`), asked in turn. */
  readonly urls: readonly string[];
  /** How long one request to one relay may take, answer included. */
  readonly timeoutMs: number;
}

export const DEFAULT_DRAND_TIMEOUT_MS = 5000;

/** `DRAW_DRAND_URLS` (comma-separated, default empty = offline) and `DRAW_DRAND_TIMEOUT_MS` (default 5000). */
export function drandRelaySettingsFrom(env: NodeJS.ProcessEnv): DrandRelaySettings {
  const urls = (env['DRAW_DRAND_URLS'] ?? '').split(',').map((u) => u.trim()).filter((u) => u.length > 0);
  for (const url of urls) {
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`DRAW_DRAND_URLS: ${url} is not an http(s) URL`);
  }
  const timeout = env['DRAW_DRAND_TIMEOUT_MS'];
  const timeoutMs = timeout === undefined || timeout === '' ? DEFAULT_DRAND_TIMEOUT_MS : Number(timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) throw new Error('DRAW_DRAND_TIMEOUT_MS: a whole number of milliseconds from 100 to 60000');
  return { urls: urls.map((u) => u.replace(/\/+$/, '')), timeoutMs };
}

/** What one relay did with one request, for the log and for tests. */
export type RelayOutcome =
  | { readonly relay: string; readonly outcome: 'beacon' }
  | { readonly relay: string; readonly outcome: 'not-yet' | 'unreachable' | 'refused'; readonly detail: string };

export type BeaconFetch = { readonly entropy: DrandEntropy; readonly tried: readonly RelayOutcome[] } | { readonly entropy: null; readonly tried: readonly RelayOutcome[] };

/** Chains whose beacons this service accepts, by chain hash: the pinned public key. */
const PINNED_KEYS: Readonly<Record<string, string>> = { [QUICKNET.chainHash]: QUICKNET.publicKey };

/**
 * Fetches the beacon of a planned round from drand's HTTP relays (`GET <relay>/<chainHash>/public/<round>`). A relay
 * is only a courier: every answer is checked against the pinned chain key with the same core verifier the record's
 * verifier uses, and one that fails — a wrong round, a tampered signature, randomness that is not its hash — is
 * refused and logged, and the next relay is asked.
 */
export class DrandRelays {
  constructor(
    private readonly settings: DrandRelaySettings,
    private readonly log: Pick<Logger, 'warn' | 'debug'> = new Logger('draw'),
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  get online(): boolean {
    return this.settings.urls.length > 0;
  }

  /** Asks the relays one after another, starting with the `first`-th (so retries do not always wait on the same one). */
  async beaconFor(plan: { readonly chainHash: string; readonly round: number }, first = 0, signal?: AbortSignal): Promise<BeaconFetch> {
    const { urls } = this.settings;
    const tried: RelayOutcome[] = [];
    const key = PINNED_KEYS[plan.chainHash];
    if (!key) {
      this.log.warn(`drand chain ${plan.chainHash} has no pinned key here; its beacons cannot be accepted`);
      return { entropy: null, tried };
    }
    for (let i = 0; i < urls.length && !signal?.aborted; i++) {
      const relay = urls[(first + i) % urls.length];
      const { outcome, entropy } = await this.ask(relay, plan, key, signal);
      tried.push(outcome);
      if (entropy) return { entropy, tried };
    }
    return { entropy: null, tried };
  }

  private async ask(relay: string, plan: { chainHash: string; round: number }, key: string, signal?: AbortSignal): Promise<{ outcome: RelayOutcome; entropy?: DrandEntropy }> {
    const url = `${relay}/${plan.chainHash}/public/${plan.round}`;
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    let answer: unknown;
    try {
      const response = await this.fetchImpl(url, { headers: { accept: 'application/json' }, signal: signal ? AbortSignal.any([timeout, signal]) : timeout });
      // Relays answer 425 Too Early (older ones 404) for a round not yet published.
      if (response.status === 425 || response.status === 404) {
        await response.body?.cancel();
        this.log.debug(`drand relay ${relay}: round ${plan.round} not published yet (${response.status})`);
        return { outcome: { relay, outcome: 'not-yet', detail: `HTTP ${response.status}` } };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { outcome: this.unreachable(relay, plan.round, `HTTP ${response.status}`) };
      }
      answer = await response.json();
    } catch (error) {
      return { outcome: this.unreachable(relay, plan.round, failureOf(error as Error & { cause?: { code?: string } }, this.settings.timeoutMs)) };
    }
    const checked = drandEntropyFromRelay(answer, plan, key);
    if (!checked.ok) {
      this.log.warn(`drand relay ${relay}: refused the beacon it served for round ${plan.round}: ${checked.reason}`);
      return { outcome: { relay, outcome: 'refused', detail: checked.reason } };
    }
    return { outcome: { relay, outcome: 'beacon' }, entropy: checked.entropy };
  }

  private unreachable(relay: string, round: number, detail: string): RelayOutcome {
    this.log.warn(`drand relay ${relay}: no beacon for round ${round}: ${detail}`);
    return { relay, outcome: 'unreachable', detail };
  }
}

/** fetch says only "fetch failed"; the cause's code (ECONNREFUSED, ENOTFOUND…) is what an operator needs. */
function failureOf(error: Error & { cause?: { code?: string } }, timeoutMs: number): string {
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  return error.cause?.code ? `${error.message} (${error.cause.code})` : error.message;
}
