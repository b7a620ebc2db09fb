import { decideRefreshTokenRotation, nextRefreshTokenExpiry, REFRESH_TOKEN_POLICY, type RefreshTokenRecord } from './refresh-token-rotation.rule';

const now = new Date('2026-05-01T08:00:00Z');
const live: RefreshTokenRecord = { familyId: 'f', accountId: 'a', expiresAt: new Date(now.getTime() + 1000), replacedAt: null, revokedAt: null };

describe('decideRefreshTokenRotation', () => {
  it('rotates a live token that has not been used', () => {
    expect(decideRefreshTokenRotation(live, now)).toEqual({ kind: 'rotate' });
  });

  it('treats a token presented again after it was replaced as theft: the family is revoked', () => {
    expect(decideRefreshTokenRotation({ ...live, replacedAt: now }, now)).toEqual({ kind: 'revoke-family' });
    // Even after it expired: reuse is still evidence that someone else holds the family.
    expect(decideRefreshTokenRotation({ ...live, replacedAt: now, expiresAt: now }, new Date(now.getTime() + 5000))).toEqual({ kind: 'revoke-family' });
  });

  it('refuses a revoked or expired token', () => {
    expect(decideRefreshTokenRotation({ ...live, revokedAt: now, replacedAt: now }, now)).toEqual({ kind: 'refuse', reason: 'revoked' });
    expect(decideRefreshTokenRotation(live, new Date(now.getTime() + 1000))).toEqual({ kind: 'refuse', reason: 'expired' });
  });
});

describe('nextRefreshTokenExpiry', () => {
  it('gives a successor its own lifetime but never beyond the family’s end', () => {
    const farFamilyEnd = new Date(now.getTime() + REFRESH_TOKEN_POLICY.familyTtlMs);
    expect(nextRefreshTokenExpiry(now, farFamilyEnd)).toEqual(new Date(now.getTime() + REFRESH_TOKEN_POLICY.ttlMs));
    const soon = new Date(now.getTime() + 60_000);
    expect(nextRefreshTokenExpiry(now, soon)).toEqual(soon);
  });
});
