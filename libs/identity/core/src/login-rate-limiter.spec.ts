import { LoginRateLimiter, SlidingWindowRateLimiter } from './login-rate-limiter';

const t0 = new Date('2026-05-01T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('SlidingWindowRateLimiter', () => {
  it('allows the limit within the window, refuses the next with the wait, and allows again as old attempts age out', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 3, windowMs: 60_000 });
    expect(limiter.take('k', at(0)).allowed).toBe(true);
    expect(limiter.take('k', at(10_000)).allowed).toBe(true);
    expect(limiter.take('k', at(20_000)).allowed).toBe(true);
    expect(limiter.take('k', at(30_000))).toEqual({ allowed: false, retryAfterMs: 30_000 });
    expect(limiter.take('other', at(30_000)).allowed).toBe(true);
    expect(limiter.take('k', at(60_000)).allowed).toBe(true);
    expect(limiter.take('k', at(60_001)).allowed).toBe(false);
  });

  it('forgets the oldest keys beyond its bound', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 60_000 }, 2);
    limiter.take('a', t0);
    limiter.take('b', t0);
    limiter.take('c', t0);
    expect(limiter.peek('a', t0).allowed).toBe(true);
    expect(limiter.peek('c', t0).allowed).toBe(false);
  });
});

describe('LoginRateLimiter', () => {
  const limits = { perAddress: { limit: 4, windowMs: 60_000 }, perAccount: { limit: 2, windowMs: 60_000 } };

  it('limits one username from many addresses', () => {
    const limiter = new LoginRateLimiter(limits);
    expect(limiter.take('10.0.0.1', 'liming', t0).allowed).toBe(true);
    expect(limiter.take('10.0.0.2', 'liming', t0).allowed).toBe(true);
    expect(limiter.take('10.0.0.3', 'liming', t0).allowed).toBe(false);
  });

  it('limits one address spraying many usernames, and a refusal does not count against the other key', () => {
    const limiter = new LoginRateLimiter(limits);
    for (const name of ['a', 'b', 'c', 'd']) expect(limiter.take('10.0.0.1', name, t0).allowed).toBe(true);
    expect(limiter.take('10.0.0.1', 'e', t0).allowed).toBe(false);
    expect(limiter.take('10.0.0.9', 'e', t0).allowed).toBe(true);
    expect(limiter.take('10.0.0.9', 'e', t0).allowed).toBe(true);
  });
});
