import type { EntityManager } from 'typeorm';
import { Catalog, type CatalogChange, type ServiceCategory, type ServiceItem, type ServiceItemStandard, type ServiceItemStatus } from '@mkt/registry/core';
import { notFound } from '@mkt/shared/kernel';
import { jsonColumn } from '@mkt/shared/persistence';

interface ItemRow {
  code: string;
  category_code: string;
  status: ServiceItemStatus;
  version: number;
  standard: ServiceItemStandard | string;
  retired_reason: string | null;
  superseded_by: string | null;
}

export interface ItemVersionView {
  readonly version: number;
  readonly effectiveDate: string;
  readonly catalogRevision: number;
}

const day = (v: Date | string): string => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

function toItem(row: ItemRow): ServiceItem {
  return { ...jsonColumn(row.standard), code: row.code, categoryCode: row.category_code, status: row.status, version: row.version, retiredReason: row.retired_reason, supersededBy: row.superseded_by };
}

function standardOf(item: ServiceItem): ServiceItemStandard {
  const { status: _s, version: _v, retiredReason: _r, supersededBy: _b, ...standard } = item;
  return standard;
}

/** The catalog inside the caller's transaction. Writers go through `lock`, which serialises them on the revision row. */
export class CatalogRepository {
  constructor(private readonly manager: EntityManager) {}

  async lock(): Promise<Catalog> {
    const [state] = await this.manager.query(`SELECT revision FROM catalog_state WHERE id = 1 FOR UPDATE`);
    return Catalog.restore({ categories: await this.categories(), items: await this.items(), revision: state.revision });
  }

  async revision(): Promise<number> {
    const [state] = await this.manager.query(`SELECT revision FROM catalog_state WHERE id = 1`);
    return state.revision;
  }

  async categories(): Promise<ServiceCategory[]> {
    const rows: { code: string; name_zh: string; name_en: string }[] = await this.manager.query(`SELECT code, name_zh, name_en FROM service_category ORDER BY position, code`);
    return rows.map((r) => ({ code: r.code, name: { zhCN: r.name_zh, en: r.name_en } }));
  }

  async items(status?: ServiceItemStatus): Promise<ServiceItem[]> {
    const rows: ItemRow[] = status
      ? await this.manager.query(`SELECT * FROM service_item WHERE status = $1 ORDER BY position, code`, [status])
      : await this.manager.query(`SELECT * FROM service_item ORDER BY position, code`);
    return rows.map(toItem);
  }

  async item(code: string): Promise<{ item: ServiceItem; versions: ItemVersionView[] }> {
    const [row]: ItemRow[] = await this.manager.query(`SELECT * FROM service_item WHERE code = $1`, [code]);
    if (!row) throw notFound('REGISTRY.ITEM_NOT_FOUND', `no service item ${code}`);
    const versions: { version: number; effective_date: Date | string; catalog_revision: number }[] = await this.manager.query(
      `SELECT version, effective_date, catalog_revision FROM service_item_version WHERE code = $1 ORDER BY version`,
      [code],
    );
    return { item: toItem(row), versions: versions.map((v) => ({ version: v.version, effectiveDate: day(v.effective_date), catalogRevision: v.catalog_revision })) };
  }

  async changes(): Promise<(CatalogChange & { recordedAt: string })[]> {
    const rows: { revision: number; kind: CatalogChange['kind']; item_codes: string[] | string; surviving_code: string | null; reason: string; effective_date: Date | string; recorded_at: Date | string }[] =
      await this.manager.query(`SELECT * FROM catalog_change ORDER BY revision`);
    return rows.map((r) => ({
      kind: r.kind,
      itemCodes: jsonColumn(r.item_codes),
      survivingCode: r.surviving_code,
      reason: r.reason,
      effectiveDate: day(r.effective_date),
      version: r.revision,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  }

  /** Stores what `changes` touched: new categories, the items named, a version row per publication, the history. */
  async save(catalog: Catalog, changes: readonly CatalogChange[], recordedAt: Date): Promise<void> {
    const { categories, items, revision } = catalog.snapshot;
    for (const [position, c] of categories.entries()) {
      await this.manager.query(`INSERT INTO service_category (code, name_zh, name_en, position) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`, [c.code, c.name.zhCN, c.name.en, position]);
    }
    const positions = new Map(items.map((item, position) => [item.code, position]));
    for (const change of changes) {
      for (const code of change.itemCodes) {
        const item = catalog.item(code);
        const standard = JSON.stringify(standardOf(item));
        await this.manager.query(
          `INSERT INTO service_item (code, category_code, status, version, standard, retired_reason, superseded_by, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (code) DO UPDATE SET category_code = $2, status = $3, version = $4, standard = $5, retired_reason = $6, superseded_by = $7`,
          [item.code, item.categoryCode, item.status, item.version, standard, item.retiredReason, item.supersededBy, positions.get(code)],
        );
        if (change.kind === 'ADDED' || change.kind === 'CHANGED') {
          await this.manager.query(`INSERT INTO service_item_version (code, version, standard, effective_date, catalog_revision) VALUES ($1, $2, $3, $4, $5)`, [
            item.code, item.version, standard, change.effectiveDate, change.version,
          ]);
        }
      }
      await this.manager.query(
        `INSERT INTO catalog_change (revision, kind, item_codes, surviving_code, reason, effective_date, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [change.version, change.kind, JSON.stringify(change.itemCodes), change.survivingCode, change.reason, change.effectiveDate, recordedAt.toISOString()],
      );
    }
    await this.manager.query(`UPDATE catalog_state SET revision = $1 WHERE id = 1`, [revision]);
  }
}
