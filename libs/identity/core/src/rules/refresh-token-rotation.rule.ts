/**
 * Refresh tokens rotate: each is good for one use and is replaced by a new one of the same family. A token
 * presented again after it was replaced means two parties hold it — the family is revoked, so a stolen token
 * dies the moment either party uses it a second time (OAuth 2.0 Security BCP, RFC 9700 §4.14.2).
 */
export const REFRESH_TOKEN_POLICY = {
  /** Each token's own lifetime: a session idle longer than this ends. */
  ttlMs: 7 * 24 * 3600_000,
  /** A family's absolute lifetime from sign-in, however often it is refreshed. */
  familyTtlMs: 30 * 24 * 3600_000,
} as const;

export interface RefreshTokenRecord {
  readonly familyId: string;
  readonly accountId: string;
  readonly expiresAt: Date;
  readonly replacedAt: Date | null;
  readonly revokedAt: Date | null;
}

export type RotationDecision =
  | { readonly kind: 'rotate' }
  | { readonly kind: 'refuse'; readonly reason: 'expired' | 'revoked' }
  /** A replaced token came back: refuse it and revoke its whole family. */
  | { readonly kind: 'revoke-family' };

export function decideRefreshTokenRotation(token: RefreshTokenRecord, now: Date): RotationDecision {
  if (token.revokedAt) return { kind: 'refuse', reason: 'revoked' };
  if (token.replacedAt) return { kind: 'revoke-family' };
  if (token.expiresAt.getTime() <= now.getTime()) return { kind: 'refuse', reason: 'expired' };
  return { kind: 'rotate' };
}

/** The successor's expiry: its own lifetime, but never past the family's. */
export function nextRefreshTokenExpiry(now: Date, familyExpiresAt: Date, policy = REFRESH_TOKEN_POLICY): Date {
  return new Date(Math.min(now.getTime() + policy.ttlMs, familyExpiresAt.getTime()));
}
