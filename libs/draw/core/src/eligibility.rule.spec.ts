import { compareUtf8 } from './byte-order';
import { agencyMustBeEligibleForItem, partitionPool, type AgencyEligibilityView } from './eligibility.rule';

const requirement = { serviceItemCode: 'EIA-REPORT', requiredLevel: 2, on: '2026-06-01' };
const qualified = (agencyId: string, overrides: Partial<AgencyEligibilityView> = {}): AgencyEligibilityView => ({
  agencyId,
  status: 'ACTIVE',
  qualifications: [{ serviceItemCode: 'EIA-REPORT', level: 2, validFrom: '2026-01-01', validUntil: '2026-12-31' }],
  ...overrides,
});

describe('agencyMustBeEligibleForItem', () => {
  it('admits an active agency qualified for the item at the level on the day', () => {
    expect(agencyMustBeEligibleForItem(qualified('a'), requirement)).toEqual({ eligible: true });
  });

  it('admits an agency offering the item, and one that never said what it offers', () => {
    expect(agencyMustBeEligibleForItem(qualified('a', { offeredItems: ['EIA-REPORT', 'EIA-TABLE'] }), requirement).eligible).toBe(true);
    expect(agencyMustBeEligibleForItem(qualified('a', { offeredItems: null }), requirement).eligible).toBe(true);
  });

  it('admits a higher grade (smaller level number) than required', () => {
    const a = qualified('a', { qualifications: [{ serviceItemCode: 'EIA-REPORT', level: 1, validFrom: '2026-01-01', validUntil: '2026-12-31' }] });
    expect(agencyMustBeEligibleForItem(a, requirement).eligible).toBe(true);
  });

  it.each([
    ['a suspended agency', qualified('a', { status: 'SUSPENDED' }), 'NOT_ACTIVE'],
    ['a pending agency', qualified('a', { status: 'PENDING' }), 'NOT_ACTIVE'],
    ['an agency without the item', qualified('a', { qualifications: [] }), 'NOT_QUALIFIED_FOR_ITEM'],
    ['a qualified agency that no longer offers the item', qualified('a', { offeredItems: ['EIA-TABLE'] }), 'ITEM_NOT_OFFERED'],
    ['a lower grade', qualified('a', { qualifications: [{ serviceItemCode: 'EIA-REPORT', level: 3, validFrom: '2026-01-01', validUntil: '2026-12-31' }] }), 'QUALIFICATION_LEVEL_TOO_LOW'],
    ['an expired certificate', qualified('a', { qualifications: [{ serviceItemCode: 'EIA-REPORT', level: 2, validFrom: '2025-01-01', validUntil: '2026-05-31' }] }), 'QUALIFICATION_NOT_VALID_ON_DATE'],
    ['a certificate not yet valid', qualified('a', { qualifications: [{ serviceItemCode: 'EIA-REPORT', level: 2, validFrom: '2026-06-02', validUntil: '2027-05-31' }] }), 'QUALIFICATION_NOT_VALID_ON_DATE'],
  ])('excludes %s with its reason', (_, agency, reason) => {
    expect(agencyMustBeEligibleForItem(agency, requirement)).toEqual({ eligible: false, reason });
  });

  it('counts the last day of validity as valid', () => {
    const a = qualified('a', { qualifications: [{ serviceItemCode: 'EIA-REPORT', level: 2, validFrom: '2026-01-01', validUntil: '2026-06-01' }] });
    expect(agencyMustBeEligibleForItem(a, requirement).eligible).toBe(true);
  });
});

describe('partitionPool', () => {
  it('returns the pool in byte order and every exclusion with its reason', () => {
    const result = partitionPool([qualified('c'), qualified('a'), qualified('b', { status: 'BLACKLISTED' })], requirement);
    expect(result).toEqual({ pool: ['a', 'c'], excluded: [{ agencyId: 'b', reason: 'NOT_ACTIVE' }] });
  });
});

describe('compareUtf8', () => {
  it('orders by code point, as UTF-8 bytes do, where UTF-16 order disagrees', () => {
    const astral = '\u{1F600}'; // encoded F0 9F 98 80 in UTF-8, a surrogate pair in UTF-16
    const highBmp = '\uFF21'; // EF BC A1 in UTF-8
    expect(astral < highBmp).toBe(true); // UTF-16 code units say astral first…
    expect([astral, highBmp].sort(compareUtf8)).toEqual([highBmp, astral]); // …bytes say otherwise
    expect(['b', 'ab', 'a'].sort(compareUtf8)).toEqual(['a', 'ab', 'b']);
  });
});
