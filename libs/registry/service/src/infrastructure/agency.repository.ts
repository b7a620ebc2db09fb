import type { EntityManager } from 'typeorm';
import { Agency, type AgencyStatus, type Certificate, type Contact, type Sanction, type SanctionKind } from '@mkt/registry/core';
import { conflict, notFound } from '@mkt/shared/kernel';
import { jsonColumn } from '@mkt/shared/persistence';
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
      qualifications: qualifications.map((q) => ({
        id: q.id,
        serviceItemCode: q.serviceItemCode,
        level: q.level,
        validFrom: q.validFrom,
        validUntil: q.validUntil,
        certificateNumber: q.certificateNumber,
        expiredAt: q.expiredAt === null ? null : new Date(q.expiredAt).toISOString(),
      })),
      sanctions: await this.sanctionsOf(id),
      serviceItems: jsonColumn<string[]>(row.serviceItems),
      serviceItemsSequence: row.serviceItemsSequence,
      certificates: await this.certificatesOf(id),
    });
    return { agency, version: row.version };
  }

  async insert(agency: Agency): Promise<void> {
    const s = agency.snapshot;
    const taken = await this.manager.count(AgencyOrmEntity, { where: { creditCode: s.creditCode } });
    if (taken > 0) throw conflict('REGISTRY.CREDIT_CODE_TAKEN', 'a firm with this unified social credit code is already registered', 'creditCode');
    await this.manager.insert(AgencyOrmEntity, {
      id: s.id,
      name: s.name,
      creditCode: s.creditCode,
      region: s.region,
      status: s.status,
      statusSequence: s.statusSequence,
      serviceItems: [...s.serviceItems],
      serviceItemsSequence: s.serviceItemsSequence,
      version: 1,
    });
  }

  /** The firm's own statements: who represents it and how to reach it. Private: never in the directory or an event. */
  async saveProfile(agencyId: string, profile: { legalRepresentative: string; contacts: readonly Contact[] }): Promise<void> {
    await this.manager.query(`UPDATE agency SET legal_representative = $2, contacts = $3::jsonb WHERE id = $1`, [agencyId, profile.legalRepresentative, JSON.stringify(profile.contacts)]);
  }

  async profileOf(agencyId: string): Promise<{ legalRepresentative: string | null; contacts: Contact[] }> {
    const [row] = await this.manager.query(`SELECT legal_representative, contacts FROM agency WHERE id = $1`, [agencyId]);
    return { legalRepresentative: row?.legal_representative ?? null, contacts: row ? jsonColumn<Contact[]>(row.contacts) : [] };
  }

  async update(agency: Agency, expectedVersion: number): Promise<void> {
    const s = agency.snapshot;
    const result = await this.manager.update(
      AgencyOrmEntity,
      { id: s.id, version: expectedVersion },
      {
        name: s.name,
        region: s.region,
        status: s.status,
        statusSequence: s.statusSequence,
        serviceItems: [...s.serviceItems],
        serviceItemsSequence: s.serviceItemsSequence,
        version: expectedVersion + 1,
      },
    );
    if (result.affected !== 1) throw conflict('REGISTRY.CONCURRENT_CHANGE', 'the agency was changed meanwhile; retry');
    const known = new Set((await this.manager.find(QualificationOrmEntity, { where: { agencyId: s.id }, select: { id: true } })).map((q) => q.id));
    const added = s.qualifications
      .filter((q) => !known.has(q.id))
      .map((q) => ({ id: q.id, agencyId: s.id, serviceItemCode: q.serviceItemCode, level: q.level, validFrom: q.validFrom, validUntil: q.validUntil, certificateNumber: q.certificateNumber ?? null, expiredAt: q.expiredAt ?? null }));
    if (added.length > 0) await this.manager.insert(QualificationOrmEntity, added);
    // Expiry is recorded once and never undone.
    for (const q of s.qualifications) {
      if (q.expiredAt && known.has(q.id)) await this.manager.query(`UPDATE qualification SET expired_at = $2 WHERE id = $1 AND expired_at IS NULL`, [q.id, q.expiredAt]);
    }
    await this.storeCertificates(s.id, s.certificates);
    await this.storeSanctions(s.id, s.sanctions);
  }

  private async certificatesOf(agencyId: string): Promise<Certificate[]> {
    const rows: { certificate_number: string; qualification_type: string; level: number; issuer: string; valid_from: string; valid_until: string; scan_id: string | null }[] =
      await this.manager.query(
        `SELECT certificate_number, qualification_type, level, issuer, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, scan_id
           FROM agency_certificate WHERE agency_id = $1 ORDER BY certificate_number`,
        [agencyId],
      );
    return rows.map((r) => ({
      certificateNumber: r.certificate_number,
      qualificationType: r.qualification_type,
      level: r.level,
      issuer: r.issuer,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      scanId: r.scan_id,
    }));
  }

  /** Certificates are only ever added. */
  private async storeCertificates(agencyId: string, certificates: readonly Certificate[]): Promise<void> {
    for (const c of certificates) {
      await this.manager.query(
        `INSERT INTO agency_certificate (agency_id, certificate_number, qualification_type, level, issuer, valid_from, valid_until, scan_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (agency_id, certificate_number) DO NOTHING`,
        [agencyId, c.certificateNumber, c.qualificationType, c.level, c.issuer, c.validFrom, c.validUntil, c.scanId],
      );
    }
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
