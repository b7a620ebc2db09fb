import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalogTables1764374510000 implements MigrationInterface {
  name = 'CreateCatalogTables1764374510000';

  async up(q: QueryRunner): Promise<void> {
    // One row; locking it serialises catalog changes so revisions are numbered without gaps.
    await q.query(`CREATE TABLE catalog_state (id int PRIMARY KEY CHECK (id = 1), revision int NOT NULL)`);
    await q.query(`INSERT INTO catalog_state (id, revision) VALUES (1, 0)`);
    await q.query(`
      CREATE TABLE service_category (
        code     text PRIMARY KEY,
        name_zh  text NOT NULL,
        name_en  text NOT NULL,
        position int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE service_item (
        code           text PRIMARY KEY,
        category_code  text NOT NULL REFERENCES service_category(code),
        status         text NOT NULL,
        version        int NOT NULL,
        standard       jsonb NOT NULL,
        retired_reason text,
        superseded_by  text,
        position       int NOT NULL
      )`);
    // Every published version of every standard stays readable: past projects resolve the one they used.
    await q.query(`
      CREATE TABLE service_item_version (
        code             text NOT NULL REFERENCES service_item(code),
        version          int NOT NULL,
        standard         jsonb NOT NULL,
        effective_date   date NOT NULL,
        catalog_revision int NOT NULL,
        PRIMARY KEY (code, version)
      )`);
    await q.query(`
      CREATE TABLE catalog_change (
        revision       int PRIMARY KEY,
        kind           text NOT NULL,
        item_codes     jsonb NOT NULL,
        surviving_code text,
        reason         text NOT NULL,
        effective_date date NOT NULL,
        recorded_at    timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog_change`);
    await q.query(`DROP TABLE service_item_version`);
    await q.query(`DROP TABLE service_item`);
    await q.query(`DROP TABLE service_category`);
    await q.query(`DROP TABLE catalog_state`);
  }
}
