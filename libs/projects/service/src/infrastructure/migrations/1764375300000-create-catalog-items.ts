import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projects service's read model of the registry's catalog, folded from registry.catalog.v1. A row may be a
 * tombstone (names null) when a retirement arrived before the publication it retires.
 */
export class CreateCatalogItems1764375300000 implements MigrationInterface {
  name = 'CreateCatalogItems1764375300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalog_item (
        code                    text PRIMARY KEY,
        version                 int NOT NULL,
        category_code           text,
        name_zh_cn              text,
        name_en                 text,
        time_limit_working_days int,
        minimum_level           int,
        standard_fee_fen        bigint,
        qualification_type      text,
        retired_version         int,
        superseded_by           text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog_item`);
  }
}
