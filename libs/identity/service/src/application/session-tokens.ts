import { Injectable, type OnModuleInit } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { nextRefreshTokenExpiry, REFRESH_TOKEN_POLICY, type Account } from '@mkt/identity/core';
import { AccessTokenService } from '@mkt/shared/auth';
import { schema } from '@mkt/shared/http';
import type { TransactionContext } from '@mkt/shared/messaging';
import { RefreshTokenRepository } from '../infrastructure/refresh-token.repository';
import { ACCOUNT_VIEW, accountView, type AccountView } from './account.view';

export interface SessionTokens {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds the access token is good for. */
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: string;
  readonly account: AccountView;
}

/** Sign-in and refresh: `refreshToken` only for `body` delivery; a browser gets it as an HttpOnly cookie. */
export const SESSION_RESPONSE = schema.named(
  'SessionResponse',
  schema.object(
    {
      accessToken: schema.string('EdDSA-signed JWT'),
      tokenType: schema.oneOf(['Bearer']),
      expiresIn: schema.integer('seconds the access token is good for'),
      refreshToken: schema.string('one-time, `mrt_…`'),
      refreshTokenExpiresAt: schema.instant(),
      account: ACCOUNT_VIEW,
    },
    { optional: ['refreshToken'] },
  ),
);

/** The stored form of a refresh token: 256 random bits need no slow hash, only a one-way one. */
export function refreshTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues the access token and the refresh token of a session; the refresh token's row commits with the caller's change. */
@Injectable()
export class SessionTokenIssuer implements OnModuleInit {
  constructor(private readonly accessTokens: AccessTokenService) {}

  /** Refuse to start without the signing key, rather than answer every sign-in with a 500. */
  onModuleInit(): void {
    if (!this.accessTokens.canIssue) {
      throw new Error('the identity service needs the token signing key: set AUTH_PRIVATE_KEY or AUTH_PRIVATE_KEY_FILE (see docs/decisions/0008-identity-and-access-tokens.md)');
    }
  }

  /** A new session (a new refresh-token family) after a sign-in. */
  start(tx: TransactionContext, account: Account): Promise<SessionTokens> {
    const familyExpiresAt = new Date(tx.now.getTime() + REFRESH_TOKEN_POLICY.familyTtlMs);
    return this.issue(tx, account, randomUUID(), familyExpiresAt);
  }

  /** The successor in an existing family, after a refresh. */
  continue(tx: TransactionContext, account: Account, familyId: string, familyExpiresAt: Date): Promise<SessionTokens> {
    return this.issue(tx, account, familyId, familyExpiresAt);
  }

  private async issue(tx: TransactionContext, account: Account, familyId: string, familyExpiresAt: Date): Promise<SessionTokens> {
    const s = account.snapshot;
    const refreshToken = `mrt_${randomBytes(32).toString('base64url')}`;
    const expiresAt = nextRefreshTokenExpiry(tx.now, familyExpiresAt);
    await new RefreshTokenRepository(tx.manager).insert({ tokenHash: refreshTokenHash(refreshToken), familyId, accountId: s.id, issuedAt: tx.now, expiresAt, familyExpiresAt });
    const accessToken = await this.accessTokens.issue({ userId: s.id, role: s.role, organizationId: s.organizationId });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.accessTokens.ttlSeconds, refreshToken, refreshTokenExpiresAt: expiresAt.toISOString(), account: accountView(account) };
  }
}
