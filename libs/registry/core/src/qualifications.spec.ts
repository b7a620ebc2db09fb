import { refusalOf } from '@mkt/shared/kernel/testing';
import { Agency } from './agency.entity';
import type { Certificate, ItemRequirement } from './certificate.value-object';
import { qualificationCountsAt, qualificationExpiresAt, qualificationHasExpiredAt } from './qualification-expiry.rule';
import { creditCodeCheckCharacter } from './unified-social-credit-code.value-object';

const body = '91330100MA2AYE8B0';
const creditCode = body + creditCodeCheckCharacter(body);
const NOW = new Date('2026-03-02T02:00:00.000Z');

describe('qualification expiry', () => {
  it('ends a qualification at midnight Beijing time after its last valid day', () => {
    expect(qualificationExpiresAt('2026-06-30').toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });

  it('counts a qualification through its last day in Beijing and not a millisecond longer', () => {
    const q = { validFrom: '2026-01-01', validUntil: '2026-06-30' };
    expect(qualificationCountsAt(q, new Date('2026-06-30T15:59:59.999Z'))).toBe(true);
    expect(qualificationHasExpiredAt(q, new Date('2026-06-30T15:59:59.999Z'))).toBe(false);
    expect(qualificationCountsAt(q, new Date('2026-06-30T16:00:00.000Z'))).toBe(false);
    expect(qualificationHasExpiredAt(q, new Date('2026-06-30T16:00:00.000Z'))).toBe(true);
  });

  it('does not count a qualification before its first day, which is not expiry', () => {
    const q = { validFrom: '2026-03-03', validUntil: '2026-06-30' };
    expect(qualificationCountsAt(q, NOW)).toBe(false);
    expect(qualificationHasExpiredAt(q, NOW)).toBe(false);
  });
});

describe('Agency: certificates, offered items and expiry', () => {
  const requirements = new Map<string, ItemRequirement>([
    ['EIA-REPORT', { code: 'EIA-REPORT', active: true, qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', minimumLevel: 2 }],
    ['EIA-FORM', { code: 'EIA-FORM', active: true, qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', minimumLevel: 3 }],
    ['SURVEY-MAPPING', { code: 'SURVEY-MAPPING', active: true, qualificationType: 'SURVEYING_AND_MAPPING', minimumLevel: 2 }],
  ]);
  const eia: Certificate = { qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', level: 2, certificateNumber: 'HP-1', issuer: '生态环境厅', validFrom: '2026-01-01', validUntil: '2026-06-30', scanId: 's-1' };
  const firm = () => {
    const { agency } = Agency.register({ id: 'a-1', name: '之江环评', creditCode, region: '330100' });
    agency.holdCertificate(eia);
    return agency;
  };

  it('grants one item-level qualification per newly offered item from the covering certificate, then reports the new list', () => {
    const agency = firm();
    const events = agency.offerServiceItems(['EIA-REPORT', 'EIA-FORM'], requirements, NOW);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'qualification-granted', id: 'a-1/HP-1/EIA-REPORT', serviceItemCode: 'EIA-REPORT', level: 2, validUntil: '2026-06-30', certificateNumber: 'HP-1' }),
      expect.objectContaining({ kind: 'qualification-granted', id: 'a-1/HP-1/EIA-FORM', serviceItemCode: 'EIA-FORM' }),
      { kind: 'service-items-changed', agencyId: 'a-1', serviceItems: ['EIA-REPORT', 'EIA-FORM'], added: ['EIA-REPORT', 'EIA-FORM'], removed: [], sequence: 1 },
    ]);
  });

  it('drops an item without granting anything, and an unchanged list records nothing', () => {
    const agency = firm();
    agency.offerServiceItems(['EIA-REPORT', 'EIA-FORM'], requirements, NOW);
    expect(agency.offerServiceItems(['EIA-REPORT'], requirements, NOW)).toEqual([
      { kind: 'service-items-changed', agencyId: 'a-1', serviceItems: ['EIA-REPORT'], added: [], removed: ['EIA-FORM'], sequence: 2 },
    ]);
    expect(agency.offerServiceItems(['EIA-REPORT'], requirements, NOW)).toEqual([]);
    // Offered again: the qualification granted the first time still counts, so none is granted twice.
    expect(agency.offerServiceItems(['EIA-REPORT', 'EIA-FORM'], requirements, NOW).map((e) => e.kind)).toEqual(['service-items-changed']);
  });

  it('refuses an item its certificates do not cover, and a certificate recorded twice', () => {
    const agency = firm();
    expect(refusalOf(() => agency.offerServiceItems(['EIA-REPORT', 'SURVEY-MAPPING'], requirements, NOW))).toBe('REGISTRY.ITEM_NOT_COVERED@serviceItems.1');
    expect(agency.snapshot.serviceItems).toEqual([]);
    expect(refusalOf(() => agency.holdCertificate(eia))).toBe('REGISTRY.DUPLICATE_CERTIFICATE@certificateNumber');
  });

  it('expires each qualification once, when its end date has passed, and stops counting it', () => {
    const agency = firm();
    agency.offerServiceItems(['EIA-REPORT'], requirements, NOW);
    expect(agency.expireQualifications(new Date('2026-06-30T15:59:59.999Z'))).toEqual([]);
    const at = new Date('2026-06-30T16:00:00.000Z');
    expect(agency.currentQualifications(at)).toEqual([]);
    expect(agency.expireQualifications(at)).toEqual([
      { kind: 'qualification-expired', agencyId: 'a-1', qualificationId: 'a-1/HP-1/EIA-REPORT', serviceItemCode: 'EIA-REPORT', validUntil: '2026-06-30', expiredAt: at.toISOString() },
    ]);
    expect(agency.expireQualifications(new Date('2026-07-02T00:00:00.000Z'))).toEqual([]);
    expect(agency.snapshot.qualifications[0].expiredAt).toBe(at.toISOString());
  });

  it('no longer lets an expired certificate cover a newly offered item', () => {
    const agency = firm();
    expect(refusalOf(() => agency.offerServiceItems(['EIA-REPORT'], requirements, new Date('2026-07-01T00:00:00.000Z')))).toBe('REGISTRY.ITEM_NOT_COVERED@serviceItems.0');
  });
});

describe('Agency: a withdrawn firm', () => {
  it('cannot offer items any more', () => {
    const { agency } = Agency.register({ id: 'a-2', name: '撤出机构', creditCode, region: '330100' });
    agency.changeStatus('WITHDRAWN', '主动退出');
    expect(refusalOf(() => agency.offerServiceItems(['EIA-REPORT'], new Map(), NOW))).toBe('REGISTRY.AGENCY_WITHDRAWN@status');
  });
});

describe('Agency: items granted by the operator directly', () => {
  const requirements = new Map<string, ItemRequirement>([
    ['EIA-REPORT', { code: 'EIA-REPORT', active: true, qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', minimumLevel: 2 }],
    ['SURVEY-MAPPING', { code: 'SURVEY-MAPPING', active: true, qualificationType: 'SURVEYING_AND_MAPPING', minimumLevel: 2 }],
  ]);

  it('may be offered on the strength of that qualification alone, with nothing granted again', () => {
    const { agency } = Agency.register({ id: 'a-3', name: '运营录入机构', creditCode, region: '330100' });
    agency.grantQualification({ id: 'CERT-1', serviceItemCode: 'EIA-REPORT', level: 2, validFrom: '2026-01-01', validUntil: '2028-12-31' });
    agency.grantQualification({ id: 'CERT-2', serviceItemCode: 'SURVEY-MAPPING', level: 3, validFrom: '2026-01-01', validUntil: '2028-12-31' });
    expect(agency.offerServiceItems(['EIA-REPORT'], requirements, NOW)).toEqual([
      { kind: 'service-items-changed', agencyId: 'a-3', serviceItems: ['EIA-REPORT'], added: ['EIA-REPORT'], removed: [], sequence: 1 },
    ]);
    // Level 3 is below what SURVEY-MAPPING asks (2 or better), and there is no certificate to fall back on.
    expect(refusalOf(() => agency.offerServiceItems(['EIA-REPORT', 'SURVEY-MAPPING'], requirements, NOW))).toBe('REGISTRY.ITEM_NOT_COVERED@serviceItems.1');
  });
});
