import type { EntityManager } from 'typeorm';
import { Agency, type AgencyStatus, type Sanction, type SanctionKind } from '@mkt/registry/core';
import { conflict, notFound } from '@mkt/shared/kernel';
import { AgencyOrmEntity } from './agency.orm-entity';
import { QualificationOrmEntity } from './qualification.orm-entity';

/** Loads and stores the Agency aggregate inside the caller's transaction, with optimistic locking. */
export class AgencyRepository {
  constructor(private readonly manager: EntityManager) {}

  async get(id: string): Promise<{ agency: Agency; version: number }> {
    const row = await this.manager.findOne(AgencyOrmEntity, { where: { id } });
    if (!row) throw notFound('REGISTRY.AGENCY_NOT_FOUND', `no agency ${id}`);
    const qualifications = await this.manager.find(QualificationOrmEntity, { where: { agencyId: id }, order: { id: 'ASC' } });
    const agency = Agency.restore({
      id: row.id,
      name: row.name,
      creditCode: row.creditCode,
      region: row.region,
      status: row.status as AgencyStatus,
      statusSequence: row.statusSequence,
      qualifications: qualifications.map((q) => ({ id: q.id, serviceItemCode: q.serviceItemCode, level: q.level, validFrom: q.validFrom, validUntil: q.validUntil })),
      sanctions: await this.sanctionsOf(id),
    });
    return { agency, version: row.version };
  }

  async insert(agency: Agency): Promise<void> {
    const s = agency.snapshot;
    const taken = await this.manager.count(AgencyOrmEntity, { where: { creditCode: s.creditCode } });
    if (taken > 0) throw conflict('REGISTRY.CREDIT_CODE_TAKEN', 'a firm with this unified social credit code is already registered', 'creditCode');
    await this.manager.insert(AgencyOrmEntity, { id: s.id, name: s.name, creditCode: s.creditCode, region: s.region, status: s.status, statusSequence: s.statusSequence, version: 1 });
  }

  async update(agency: Agency, expectedVersion: number): Promise<void> {
    const s = agency.snapshot;
    const result = await this.manager.update(
      AgencyOrmEntity,
      { id: s.id, version: expectedVersion },
      { name: s.name, region: s.region, status: s.status, statusSequence: s.statusSequence, version: expectedVersion + 1 },
    );
    if (result.affected !== 1) throw conflict('REGISTRY.CONCURRENT_CHANGE', 'the agency was changed meanwhile; retry');
    const known = new Set((await this.manager.find(QualificationOrmEntity, { where: { agencyId: s.id }, select: { id: true } })).map((q) => q.id));
    const added = s.qualifications.filter((q) => !known.has(q.id)).map((q) => ({ ...q, agencyId: s.id }));
    if (added.length > 0) await this.manager.insert(QualificationOrmEntity, added);
    await this.storeSanctions(s.id, s.sanctions);
  }

  private async sanctionsOf(agencyId: string): Promise<Sanction[]> {
    const rows: SanctionRow[] = await this.manager.query(
      `SELECT id, kind, reason, starts_at, ends_at, imposed_at, lifted_at, lift_reason FROM agency_sanction WHERE agency_id = $1 ORDER BY imposed_at, id`,
      [agencyId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      reason: r.reason,
      startsAt: iso(r.starts_at),
      endsAt: iso(r.ends_at),
      imposedAt: iso(r.imposed_at),
      liftedAt: r.lifted_at === null ? null : iso(r.lifted_at),
      liftReason: r.lift_reason,
    }));
  }

  /** Sanctions are added, and later only lifted: insert the new ones, record a lift on the others. */
  private async storeSanctions(agencyId: string, sanctions: readonly Sanction[]): Promise<void> {
    for (const x of sanctions) {
      await this.manager.query(
        `INSERT INTO agency_sanction (id, agency_id, kind, reason, starts_at, ends_at, imposed_at, lifted_at, lift_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET lifted_at = EXCLUDED.lifted_at, lift_reason = EXCLUDED.lift_reason
         WHERE agency_sanction.lifted_at IS NULL AND EXCLUDED.lifted_at IS NOT NULL`,
        [x.id, agencyId, x.kind, x.reason, x.startsAt, x.endsAt, x.imposedAt, x.liftedAt, x.liftReason],
      );
    }
  }
}

interface SanctionRow {
  id: string;
  kind: SanctionKind;
  reason: string;
  starts_at: Date | string;
  ends_at: Date | string;
  imposed_at: Date | string;
  lifted_at: Date | string | null;
  lift_reason: string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();
