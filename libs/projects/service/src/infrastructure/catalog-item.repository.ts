import type { EntityManager } from 'typeorm';
import type { CatalogItem } from '@mkt/projects/core';
import type { ServiceItemPublishedV1, ServiceItemRetiredV1 } from '@mkt/registry/contracts';

export interface CatalogItemView extends CatalogItem {
  readonly categoryCode: string;
  readonly standardFeeFen: number | null;
  readonly qualificationType: string;
  readonly supersededBy: string | null;
}

interface CatalogItemRow {
  code: string;
  version: number;
  category_code: string;
  name_zh_cn: string;
  name_en: string;
  time_limit_working_days: number;
  minimum_level: number;
  standard_fee_fen: string | number | null;
  qualification_type: string;
  retired_version: number | null;
  superseded_by: string | null;
}

const COLUMNS = `code, version, category_code, name_zh_cn, name_en, time_limit_working_days, minimum_level, standard_fee_fen, qualification_type, retired_version, superseded_by`;

/**
 * The catalog as projects knows it. Events may arrive late, twice or out of order (a replay of the topic): the
 * highest version of an item wins, and a retirement covers the versions up to the one it names, so a later
 * publication (a higher version) brings the item back and an older one changes nothing.
 */
export class CatalogItemRepository {
  constructor(private readonly manager: EntityManager) {}

  async published(p: ServiceItemPublishedV1): Promise<void> {
    await this.manager.query(
      `INSERT INTO catalog_item (code, version, category_code, name_zh_cn, name_en, time_limit_working_days, minimum_level, standard_fee_fen, qualification_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (code) DO UPDATE SET version = EXCLUDED.version, category_code = EXCLUDED.category_code, name_zh_cn = EXCLUDED.name_zh_cn,
         name_en = EXCLUDED.name_en, time_limit_working_days = EXCLUDED.time_limit_working_days, minimum_level = EXCLUDED.minimum_level,
         standard_fee_fen = EXCLUDED.standard_fee_fen, qualification_type = EXCLUDED.qualification_type
       WHERE catalog_item.version < EXCLUDED.version OR (catalog_item.version = EXCLUDED.version AND catalog_item.name_zh_cn IS NULL)`,
      [p.code, p.version, p.categoryCode, p.nameZhCN, p.nameEn, p.timeLimitWorkingDays, p.minimumLevel, p.standardFeeFen, p.qualificationType],
    );
  }

  async retired(r: ServiceItemRetiredV1): Promise<void> {
    await this.manager.query(
      `INSERT INTO catalog_item (code, version, retired_version, superseded_by) VALUES ($1, $2, $2, $3)
       ON CONFLICT (code) DO UPDATE SET retired_version = EXCLUDED.retired_version, superseded_by = EXCLUDED.superseded_by
       WHERE catalog_item.retired_version IS NULL OR catalog_item.retired_version < EXCLUDED.retired_version`,
      [r.code, r.version, r.supersededBy],
    );
  }

  /** The items named by `codes`, by code; a code the catalog has never published is absent. */
  async byCodes(codes: readonly string[]): Promise<Map<string, CatalogItemView>> {
    if (codes.length === 0) return new Map();
    const rows: CatalogItemRow[] = await this.manager.query(`SELECT ${COLUMNS} FROM catalog_item WHERE code = ANY($1::text[]) AND name_zh_cn IS NOT NULL`, [[...codes]]);
    return new Map(rows.map((row) => [row.code, toView(row)]));
  }

  /** Every item the catalog has published, current ones first, then by code. */
  async all(): Promise<CatalogItemView[]> {
    const rows: CatalogItemRow[] = await this.manager.query(`SELECT ${COLUMNS} FROM catalog_item WHERE name_zh_cn IS NOT NULL ORDER BY code`);
    return rows.map(toView).sort((a, b) => Number(a.retired) - Number(b.retired));
  }
}

function toView(row: CatalogItemRow): CatalogItemView {
  return {
    code: row.code,
    categoryCode: row.category_code,
    nameZhCN: row.name_zh_cn,
    nameEn: row.name_en,
    timeLimitWorkingDays: row.time_limit_working_days,
    minimumLevel: row.minimum_level,
    standardFeeFen: row.standard_fee_fen === null ? null : Number(row.standard_fee_fen),
    qualificationType: row.qualification_type,
    version: row.version,
    retired: row.retired_version !== null && row.retired_version >= row.version,
    supersededBy: row.retired_version !== null && row.retired_version >= row.version ? row.superseded_by : null,
  };
}
