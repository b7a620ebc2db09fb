import { bidderMustBeEligible, type BidderStanding } from './bidder-must-be-eligible.rule';

const standing: BidderStanding = { status: 'ACTIVE', items: [{ serviceItemCode: 'COST-CONSULT', level: 2, validFrom: '2026-01-01', validUntil: '2026-12-31' }] };

describe('bidderMustBeEligible', () => {
  it('accepts an active agency with a valid qualification at the level', () => {
    expect(bidderMustBeEligible(standing, 'COST-CONSULT', 2, '2026-03-01')).toBeNull();
    expect(bidderMustBeEligible(standing, 'COST-CONSULT', 3, '2026-12-31')).toBeNull();
  });

  it('refuses an unknown, pending or sanctioned agency', () => {
    expect(bidderMustBeEligible(null, 'COST-CONSULT', 2, '2026-03-01')).toBe('AGENCY_NOT_ACTIVE');
    expect(bidderMustBeEligible({ ...standing, status: 'SUSPENDED' }, 'COST-CONSULT', 2, '2026-03-01')).toBe('AGENCY_NOT_ACTIVE');
  });

  it('refuses another item, a lower grade, or a certificate outside its validity', () => {
    expect(bidderMustBeEligible(standing, 'EIA-REPORT', 2, '2026-03-01')).toBe('NO_VALID_QUALIFICATION');
    expect(bidderMustBeEligible(standing, 'COST-CONSULT', 1, '2026-03-01')).toBe('NO_VALID_QUALIFICATION');
    expect(bidderMustBeEligible(standing, 'COST-CONSULT', 2, '2027-01-01')).toBe('NO_VALID_QUALIFICATION');
  });

  it('refuses a qualified agency that no longer offers the item, and trusts qualifications where it never said', () => {
    expect(bidderMustBeEligible({ ...standing, offeredItems: ['SURVEY-MAP'] }, 'COST-CONSULT', 2, '2026-03-01')).toBe('ITEM_NOT_OFFERED');
    expect(bidderMustBeEligible({ ...standing, offeredItems: ['COST-CONSULT'] }, 'COST-CONSULT', 2, '2026-03-01')).toBeNull();
    expect(bidderMustBeEligible({ ...standing, offeredItems: null }, 'COST-CONSULT', 2, '2026-03-01')).toBeNull();
  });
});
