import type { EntityManager } from 'typeorm';
import { Agency, type AgencyStatus } from '@mkt/registry/core';
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
  }
}
