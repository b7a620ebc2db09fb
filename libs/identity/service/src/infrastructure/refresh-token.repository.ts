import type { EntityManager } from 'typeorm';
import type { RefreshTokenRecord } from '@mkt/identity/core';

export interface StoredRefreshToken extends RefreshTokenRecord {
  readonly tokenHash: string;
  readonly familyExpiresAt: Date;
}

const date = (v: unknown): Date => new Date(v as string);
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/** Refresh tokens by the SHA-256 of their value, inside the caller's transaction. */
export class RefreshTokenRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(token: { tokenHash: string; familyId: string; accountId: string; issuedAt: Date; expiresAt: Date; familyExpiresAt: Date }): Promise<void> {
    await this.manager.query(
      `INSERT INTO refresh_token (token_hash, family_id, account_id, issued_at, expires_at, family_expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [token.tokenHash, token.familyId, token.accountId, token.issuedAt, token.expiresAt, token.familyExpiresAt],
    );
  }

  /** Locks the row: of two refreshes racing with one token, the second sees it replaced (and so, reuse). */
  async findForUpdate(tokenHash: string): Promise<StoredRefreshToken | null> {
    const [row] = await this.manager.query(`SELECT * FROM refresh_token WHERE token_hash = $1 FOR UPDATE`, [tokenHash]);
    if (!row) return null;
    return {
      tokenHash: row.token_hash,
      familyId: row.family_id,
      accountId: row.account_id,
      expiresAt: date(row.expires_at),
      familyExpiresAt: date(row.family_expires_at),
      replacedAt: dateOrNull(row.replaced_at),
      revokedAt: dateOrNull(row.revoked_at),
    };
  }

  async markReplaced(tokenHash: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE refresh_token SET replaced_at = $2 WHERE token_hash = $1`, [tokenHash, at]);
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE refresh_token SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [familyId, at]);
  }

  async revokeAllOf(accountId: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE refresh_token SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL`, [accountId, at]);
  }
}
