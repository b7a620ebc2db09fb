import { refusalOf } from '@mkt/shared/kernel/testing';
import { planWitnesses } from './witness-plan';
import { witnessSlotOf, type WitnessActor, type WitnessedDraw } from './witness-slot.rule';

const NOTARY = '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10';
const AGENCY_USER = '0a0b0c0d-1111-4222-8333-444455556666';
const draw: WitnessedDraw = {
  ownerOrganizationId: 'owner-org',
  plan: planWitnesses(['OWNER', 'SUPERVISOR'], [{ userId: NOTARY, label: 'Notary' }, { userId: AGENCY_USER, label: 'A candidate firm' }]),
  pool: ['agency-1', 'agency-2'],
  exclusions: [{ agencyId: 'agency-9' }],
};
const actor = (userId: string, role: WitnessActor['role'], organizationId: string | null = null): WitnessActor => ({ userId, role, organizationId });

describe('witnessSlotOf', () => {
  it('gives the project owner the OWNER slot and any supervisor the SUPERVISOR slot', () => {
    expect(witnessSlotOf(actor('u-1', 'OWNER', 'owner-org'), draw)).toBe('OWNER');
    expect(witnessSlotOf(actor('u-2', 'SUPERVISOR'), draw)).toBe('SUPERVISOR');
  });

  it('gives a named observer their own slot, whatever their role', () => {
    for (const role of ['ADMIN', 'OWNER', 'SUPERVISOR'] as const) {
      expect(witnessSlotOf(actor(NOTARY, role, role === 'OWNER' ? 'another-owner' : null), draw)).toBe(`OBSERVER:${NOTARY}`);
    }
    // An agency user whose firm plays no part in this round may observe.
    expect(witnessSlotOf(actor(NOTARY, 'AGENCY', 'agency-77'), draw)).toBe(`OBSERVER:${NOTARY}`);
  });

  it.each<[string, WitnessActor, string]>([
    ['another owner organisation', actor('u-3', 'OWNER', 'another-owner'), 'DRAW.NOT_YOUR_DRAW@null'],
    ['an administrator nobody named', actor('u-4', 'ADMIN'), 'DRAW.NOT_YOUR_DRAW@null'],
    ['an agency nobody named', actor('u-5', 'AGENCY', 'agency-77'), 'DRAW.NOT_YOUR_DRAW@null'],
    ['a named observer acting for a firm in the pool', actor(AGENCY_USER, 'AGENCY', 'agency-1'), 'DRAW.AGENCY_CANNOT_WITNESS@null'],
    ['a named observer acting for a firm excluded from the round', actor(AGENCY_USER, 'AGENCY', 'agency-9'), 'DRAW.AGENCY_CANNOT_WITNESS@null'],
    ['a user of a firm in the pool, unnamed', actor('u-6', 'AGENCY', 'agency-2'), 'DRAW.AGENCY_CANNOT_WITNESS@null'],
  ])('refuses %s', (_, who, refusal) => {
    expect(refusalOf(() => witnessSlotOf(who, draw))).toBe(refusal);
  });
});
