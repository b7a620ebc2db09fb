import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityTables1764375200000 implements MigrationInterface {
  name = 'CreateIdentityTables1764375200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account (
        id              uuid PRIMARY KEY,
        username        text NOT NULL UNIQUE,
        display_name    text NOT NULL,
        role            text NOT NULL CHECK (role IN ('ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR')),
        organization_id text,
        status          text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'DISABLED')),
        password_hash   text NOT NULL,
        failed_logins   int NOT NULL DEFAULT 0,
        locked_until    timestamptz,
        created_at      timestamptz NOT NULL,
        version         int NOT NULL
      )`);
    await q.query(`CREATE INDEX account_by_status ON account (status, created_at)`);
    // Refresh tokens are kept only as SHA-256 of the token: a copy of the table signs nobody in.
    await q.query(`
      CREATE TABLE refresh_token (
        token_hash        text PRIMARY KEY,
        family_id         uuid NOT NULL,
        account_id        uuid NOT NULL REFERENCES account(id),
        issued_at         timestamptz NOT NULL,
        expires_at        timestamptz NOT NULL,
        family_expires_at timestamptz NOT NULL,
        replaced_at       timestamptz,
        revoked_at        timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_token_by_family ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_by_account ON refresh_token (account_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE account`);
  }
}
