import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Agency, planAgencyImport, type AgencyEvent } from '@mkt/registry/core';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../../infrastructure/agency.repository';
import { readImportTable } from '../../../infrastructure/import-table.reader';
import { publishAgencyEvent } from '../../agency-events.publisher';
import { importRejected } from '../../import-rejected';
import { itemRequirements } from '../../item-requirements';

export interface ImportedAgency {
  readonly id: string;
  readonly creditCode: string;
  readonly rows: readonly number[];
}

/**
 * Bulk registration of firms the operator has already vetted (e.g. from the earlier register): each becomes
 * ACTIVE with its certificates and offered items. One transaction: any bad row, or any conflict while writing,
 * and nothing is imported.
 */
@Injectable()
export class ImportAgenciesHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(content: Buffer): Promise<{ imported: number; agencies: ImportedAgency[] }> {
    const table = await readImportTable(content);
    return this.unitOfWork.run(async (tx) => {
      const requirements = await itemRequirements(tx.manager);
      const registered: { credit_code: string }[] = await tx.manager.query(`SELECT credit_code FROM agency`);
      const plan = planAgencyImport(table, { requirements, registeredCreditCodes: new Set(registered.map((r) => r.credit_code)), now: tx.now });
      if (plan.errors.length > 0) throw importRejected(plan.errors);
      const repository = new AgencyRepository(tx.manager);
      const imported: ImportedAgency[] = [];
      for (const firm of plan.firms) {
        const { agency, event } = Agency.register({ id: randomUUID(), name: firm.name, creditCode: firm.creditCode, region: firm.region });
        firm.certificates.forEach((c) => agency.holdCertificate(c));
        const offered = agency.offerServiceItems(firm.serviceItems, requirements, tx.now);
        const activated = agency.changeStatus('ACTIVE', 'imported by the operator');
        await repository.insert(agency);
        await repository.update(agency, 1);
        await repository.saveProfile(agency.snapshot.id, { legalRepresentative: firm.legalRepresentative, contacts: firm.contacts });
        const events: AgencyEvent[] = [event, ...offered, activated];
        events.forEach((e) => publishAgencyEvent(tx, e));
        imported.push({ id: agency.snapshot.id, creditCode: firm.creditCode, rows: firm.rows });
      }
      return { imported: imported.length, agencies: imported };
    });
  }
}
