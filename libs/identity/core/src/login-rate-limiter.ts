export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** Sign-in attempts allowed per client address and per username, in a sliding window. */
export const LOGIN_RATE_LIMITS: { readonly perAddress: RateLimit; readonly perAccount: RateLimit } = {
  perAddress: { limit: 30, windowMs: 5 * 60_000 },
  perAccount: { limit: 10, windowMs: 5 * 60_000 },
};

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * A sliding-window log per key, in memory. It complements the lockout (which lives in the database and counts
 * only wrong passwords for existing accounts) by also slowing sprays over many or unknown usernames.
 * Keys are dropped once their window is empty, and the oldest keys go first past `maxKeys`.
 */
export class SlidingWindowRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly rule: RateLimit,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts an attempt for `key` at `now` if the window has room; otherwise says how long to wait. */
  take(key: string, now: Date): RateDecision {
    const t = now.getTime();
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > t - this.rule.windowMs);
    if (recent.length >= this.rule.limit) {
      this.attempts.set(key, recent);
      return { allowed: false, retryAfterMs: recent[0] + this.rule.windowMs - t };
    }
    recent.push(t);
    this.attempts.delete(key);
    this.attempts.set(key, recent);
    if (this.attempts.size > this.maxKeys) this.attempts.delete(this.attempts.keys().next().value as string);
    return { allowed: true };
  }

  /** Would an attempt be refused now? (Counts nothing.) */
  peek(key: string, now: Date): RateDecision {
    const t = now.getTime();
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > t - this.rule.windowMs);
    return recent.length >= this.rule.limit ? { allowed: false, retryAfterMs: recent[0] + this.rule.windowMs - t } : { allowed: true };
  }
}

/**
 * Both limits for one sign-in: the address and the username must each have room, and an attempt counts against
 * both only when both allow it, so a refused request does not push the window further.
 */
export class LoginRateLimiter {
  private readonly byAddress: SlidingWindowRateLimiter;
  private readonly byAccount: SlidingWindowRateLimiter;

  constructor(limits = LOGIN_RATE_LIMITS) {
    this.byAddress = new SlidingWindowRateLimiter(limits.perAddress);
    this.byAccount = new SlidingWindowRateLimiter(limits.perAccount);
  }

  take(address: string, username: string, now: Date): RateDecision {
    for (const [limiter, key] of [[this.byAddress, address], [this.byAccount, username]] as const) {
      const decision = limiter.peek(key, now);
      if (!decision.allowed) return decision;
    }
    this.byAddress.take(address, now);
    this.byAccount.take(username, now);
    return { allowed: true };
  }
}
