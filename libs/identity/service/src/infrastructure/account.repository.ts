import type { EntityManager } from 'typeorm';
import { Account, type AccountRole, type AccountStatus } from '@mkt/identity/core';
import { conflict, notFound } from '@mkt/shared/kernel';
import { AccountOrmEntity } from './account.orm-entity';

function toDomain(row: AccountOrmEntity): Account {
  return Account.restore({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as AccountRole,
    organizationId: row.organizationId,
    status: row.status as AccountStatus,
    passwordHash: row.passwordHash,
    failedLogins: row.failedLogins,
    lockedUntil: row.lockedUntil ? new Date(row.lockedUntil) : null,
    createdAt: new Date(row.createdAt),
  });
}

/** Loads and stores accounts inside the caller's transaction. */
export class AccountRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByUsername(username: string): Promise<Account | null> {
    const row = await this.manager.findOne(AccountOrmEntity, { where: { username } });
    return row ? toDomain(row) : null;
  }

  /** The account with its row locked until the transaction ends: sign-in counters must not lose an update. */
  async getForUpdate(id: string): Promise<Account> {
    const row = await this.manager.findOne(AccountOrmEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('IDENTITY.ACCOUNT_NOT_FOUND', `no account ${id}`);
    return toDomain(row);
  }

  async find(id: string): Promise<Account | null> {
    const row = await this.manager.findOne(AccountOrmEntity, { where: { id } });
    return row ? toDomain(row) : null;
  }

  async list(filter: { status?: AccountStatus; role?: AccountRole }): Promise<Account[]> {
    const rows = await this.manager.find(AccountOrmEntity, { where: { ...filter }, order: { createdAt: 'ASC', id: 'ASC' }, take: 500 });
    return rows.map(toDomain);
  }

  async insert(account: Account): Promise<void> {
    const s = account.snapshot;
    // ON CONFLICT, not a count first: two sign-ups racing for one name must not both pass.
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO account (id, username, display_name, role, organization_id, status, password_hash, failed_logins, locked_until, created_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [s.id, s.username, s.displayName, s.role, s.organizationId, s.status, s.passwordHash, s.failedLogins, s.lockedUntil, s.createdAt],
    );
    if (inserted.length === 0) throw conflict('IDENTITY.USERNAME_TAKEN', 'this username is taken', 'username');
  }

  /** Writes every mutable field; callers hold the row lock (`getForUpdate`). */
  async save(account: Account): Promise<void> {
    const s = account.snapshot;
    await this.manager.query(
      `UPDATE account SET status = $2, password_hash = $3, failed_logins = $4, locked_until = $5, display_name = $6, version = version + 1 WHERE id = $1`,
      [s.id, s.status, s.passwordHash, s.failedLogins, s.lockedUntil, s.displayName],
    );
  }
}
