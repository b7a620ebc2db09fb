import { Injectable } from '@nestjs/common';
import { decideRefreshTokenRotation } from '@mkt/identity/core';
import { DomainError } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { RefreshTokenRepository } from '../../../infrastructure/refresh-token.repository';
import { refreshTokenHash, SessionTokenIssuer, type SessionTokens } from '../../session-tokens';

type Outcome = { kind: 'rotated'; tokens: SessionTokens } | { kind: 'refused' } | { kind: 'reused' };

@Injectable()
export class RefreshSessionHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sessions: SessionTokenIssuer,
  ) {}

  async execute(refreshToken: string): Promise<SessionTokens> {
    const outcome = await this.unitOfWork.run<Outcome>(async (tx) => {
      const tokens = new RefreshTokenRepository(tx.manager);
      const presented = await tokens.findForUpdate(refreshTokenHash(refreshToken));
      if (!presented) return { kind: 'refused' };
      const decision = decideRefreshTokenRotation(presented, tx.now);
      if (decision.kind === 'revoke-family') {
        await tokens.revokeFamily(presented.familyId, tx.now);
        return { kind: 'reused' };
      }
      if (decision.kind === 'refuse') return { kind: 'refused' };
      const account = await new AccountRepository(tx.manager).find(presented.accountId);
      if (!account || account.snapshot.status !== 'ACTIVE') {
        await tokens.revokeFamily(presented.familyId, tx.now);
        return { kind: 'refused' };
      }
      await tokens.markReplaced(presented.tokenHash, tx.now);
      return { kind: 'rotated', tokens: await this.sessions.continue(tx, account, presented.familyId, presented.familyExpiresAt) };
    });
    // Thrown after the commit, so a detected reuse leaves its family revoked.
    if (outcome.kind === 'reused') {
      throw new DomainError('IDENTITY.REFRESH_TOKEN_REUSED', 'this refresh token was already used: the session is ended everywhere; sign in again', 'unauthenticated');
    }
    if (outcome.kind === 'refused') throw new DomainError('IDENTITY.INVALID_REFRESH_TOKEN', 'the refresh token is unknown, expired or revoked; sign in again', 'unauthenticated');
    return outcome.tokens;
  }
}
