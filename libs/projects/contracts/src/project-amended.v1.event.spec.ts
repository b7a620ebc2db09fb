import { ProjectAmendedV1 } from './index';

const amended = {
  projectId: 'p-1', round: 1, ownerOrganizationId: 'owner-1', amendment: 2, reason: '延长报名', amendedAt: '2026-03-03T02:00:00.000Z',
  changes: [
    { term: 'signUp.closesAt', before: '2026-03-06T01:00:00.000Z', after: '2026-03-09T01:00:00.000Z' },
    { term: 'budgetCapFen', before: 30_000_000, after: 25_000_000 },
    { term: 'selection.alternates', before: null, after: 1 },
  ],
  documents: [{ id: 'f-1', name: '补充技术要求.pdf', mediaType: 'application/pdf', sizeBytes: 1024, sha256: 'ab'.repeat(32) }],
};

describe('ProjectAmendedV1', () => {
  it('accepts changed values of any primitive type, null on a side that has none', () => {
    expect(ProjectAmendedV1.validate(amended)).toEqual({ ok: true, value: amended });
    expect(ProjectAmendedV1.validate({ ...amended, changes: [], documents: [] }).ok).toBe(true);
  });

  it('refuses the conflict list in any form, and values that are not primitives', () => {
    for (const term of ['conflicts', 'conflicts[0].agencyId']) {
      expect(ProjectAmendedV1.validate({ ...amended, changes: [{ term, before: null, after: 'a-2' }] }).ok).toBe(false);
    }
    expect(ProjectAmendedV1.validate({ ...amended, conflicts: [] }).ok).toBe(false);
    expect(ProjectAmendedV1.validate({ ...amended, changes: [{ term: 'signUp', before: {}, after: { mode: 'ALL_ELIGIBLE' } }] }).ok).toBe(false);
  });

  it('needs a reason and a numbered amendment', () => {
    expect(ProjectAmendedV1.validate({ ...amended, reason: '' }).ok).toBe(false);
    expect(ProjectAmendedV1.validate({ ...amended, amendment: 0 }).ok).toBe(false);
  });
});
