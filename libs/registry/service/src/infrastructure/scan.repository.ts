import type { EntityManager } from 'typeorm';
import type { ScanMediaType } from '@mkt/registry/core';
import { notFound } from '@mkt/shared/kernel';

export interface StoredScan {
  readonly id: string;
  readonly organizationId: string;
  readonly mediaType: ScanMediaType;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: string;
}

/** Certificate scans in the registry's own database. */
export class ScanRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Stores a scan, or answers the one this organisation already uploaded with the same content. */
  async save(scan: StoredScan & { content: Buffer; uploadedBy: string }): Promise<StoredScan> {
    const inserted = await this.manager.query(
      `INSERT INTO qualification_scan (id, organization_id, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (organization_id, sha256) DO NOTHING RETURNING id`,
      [scan.id, scan.organizationId, scan.mediaType, scan.sizeBytes, scan.sha256, scan.content, scan.uploadedBy, scan.uploadedAt],
    );
    if (inserted.length > 0) return this.describe(scan);
    const [existing] = await this.manager.query(
      `SELECT id, organization_id, media_type, size_bytes, sha256, uploaded_at FROM qualification_scan WHERE organization_id = $1 AND sha256 = $2`,
      [scan.organizationId, scan.sha256],
    );
    return toScan(existing);
  }

  async get(id: string): Promise<StoredScan & { content: Buffer }> {
    const [row] = await this.manager.query(`SELECT id, organization_id, media_type, size_bytes, sha256, uploaded_at, content FROM qualification_scan WHERE id = $1`, [id]);
    if (!row) throw notFound('REGISTRY.SCAN_NOT_FOUND', `no scan ${id}`);
    return { ...toScan(row), content: Buffer.from(row.content) };
  }

  /** The ids among `ids` that `organizationId` uploaded. */
  async ownedBy(organizationId: string, ids: readonly string[]): Promise<Set<string>> {
    const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (uuids.length === 0) return new Set();
    const rows: { id: string }[] = await this.manager.query(`SELECT id FROM qualification_scan WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, uuids]);
    return new Set(rows.map((r) => r.id));
  }

  private describe(scan: StoredScan): StoredScan {
    return { id: scan.id, organizationId: scan.organizationId, mediaType: scan.mediaType, sizeBytes: scan.sizeBytes, sha256: scan.sha256, uploadedAt: scan.uploadedAt };
  }
}

function toScan(row: { id: string; organization_id: string; media_type: ScanMediaType; size_bytes: number; sha256: string; uploaded_at: Date | string }): StoredScan {
  return { id: row.id, organizationId: row.organization_id, mediaType: row.media_type, sizeBytes: row.size_bytes, sha256: row.sha256, uploadedAt: new Date(row.uploaded_at).toISOString() };
}
