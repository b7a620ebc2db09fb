import type { EntityManager } from 'typeorm';
import { registrationMustBeComplete, type RegistrationContent } from '@mkt/registry/core';
import { ScanRepository } from '../../../infrastructure/scan.repository';
import { itemRequirements } from '../../item-requirements';
import type { RegistrationRequestDto } from './registration.request.dto';

/** The request in the domain's terms, checked against the catalog and the applicant's own scans. */
export async function checkedRegistration(manager: EntityManager, agencyId: string, body: RegistrationRequestDto, now: Date): Promise<RegistrationContent> {
  const content: RegistrationContent = {
    name: body.name,
    creditCode: body.creditCode,
    legalRepresentative: body.legalRepresentative,
    contacts: body.contacts.map((c) => ({ name: c.name, phone: c.phone, email: c.email ?? null })),
    region: body.region,
    qualifications: body.qualifications.map((q) => ({
      qualificationType: q.qualificationType,
      level: q.level,
      certificateNumber: q.certificateNumber,
      issuer: q.issuer,
      validFrom: q.validFrom,
      validUntil: q.validUntil,
      scanId: q.scanId,
    })),
    serviceItems: body.serviceItems,
  };
  const owned = await new ScanRepository(manager).ownedBy(agencyId, body.qualifications.map((q) => q.scanId));
  return registrationMustBeComplete(content, { requirements: await itemRequirements(manager), scanBelongsToApplicant: (id) => owned.has(id.toLowerCase()), now });
}
