import { agencyMustHaveFewerUnfinishedContracts, agencyMustNotHaveWonRecentlyForSameOwner, ROTATION_RULE_SETS } from './rotation-rules';

const rules = ROTATION_RULE_SETS['rules/2026-1'];
const now = new Date('2026-06-01T00:00:00.000Z');

describe('agencyMustNotHaveWonRecentlyForSameOwner', () => {
  const history = [
    { agencyId: 'a', ownerOrganizationId: 'owner-1', wonAt: '2026-04-01T00:00:00.000Z' }, // 61 days ago
    { agencyId: 'b', ownerOrganizationId: 'owner-2', wonAt: '2026-05-01T00:00:00.000Z' }, // another owner
    { agencyId: 'c', ownerOrganizationId: 'owner-1', wonAt: '2026-03-03T00:00:00.000Z' }, // exactly 90 days ago
  ];

  it('sits out an agency that won for the same owner within the cooldown, and says why', () => {
    expect(agencyMustNotHaveWonRecentlyForSameOwner(['a', 'b', 'c', 'd'], rules, history, 'owner-1', now)).toEqual({
      pool: ['b', 'c', 'd'],
      exclusions: [{ agencyId: 'a', reason: 'RECENT_WIN_FOR_SAME_OWNER' }],
    });
  });

  it('ignores wins for other owners and rule sets without a cooldown', () => {
    expect(agencyMustNotHaveWonRecentlyForSameOwner(['a', 'b'], rules, history, 'owner-2', now).pool).toEqual(['a']);
    expect(agencyMustNotHaveWonRecentlyForSameOwner(['a', 'b'], ROTATION_RULE_SETS['rules/none'], history, 'owner-1', now).pool).toEqual(['a', 'b']);
  });
});

describe('agencyMustHaveFewerUnfinishedContracts', () => {
  it('sits out an agency at the limit of unfinished contracts, and keeps one below it', () => {
    const unfinished = new Map([['a', 3], ['b', 2]]);
    expect(agencyMustHaveFewerUnfinishedContracts(['a', 'b', 'c'], rules, unfinished)).toEqual({
      pool: ['b', 'c'],
      exclusions: [{ agencyId: 'a', reason: 'TOO_MANY_UNFINISHED_CONTRACTS' }],
    });
  });

  it('has no limit in a rule set without one', () => {
    expect(agencyMustHaveFewerUnfinishedContracts(['a'], ROTATION_RULE_SETS['rules/none'], new Map([['a', 99]])).pool).toEqual(['a']);
  });
});
