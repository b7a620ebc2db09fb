import { aProjectInSelection } from '@mkt/projects/core/testing';
import { nextActionOf } from './owner-project.mapper';

describe('nextActionOf a project in selection', () => {
  const agencies = ['a-1', 'a-2', 'a-3', 'a-4'];

  it('waits for the bids until the bid deadline in a bidding round', () => {
    const bidding = { method: 'BIDDING' as const, winners: 1, minimumValidBids: 3, evaluation: { rule: 'LOWEST_PRICE' as const }, quoteForm: 'AMOUNT' as const, bidDeadline: '2024-03-08T09:00:00+08:00' };
    const project = aProjectInSelection(agencies, { selection: bidding });

    expect(nextActionOf(project.snapshot)).toEqual({ kind: 'AWAIT_BIDS', by: 'MARKETPLACE', due: '2024-03-08T01:00:00.000Z' });
  });

  it('waits for the witnesses in a draw on witness values, and for the beacon in a drand draw', () => {
    expect(nextActionOf(aProjectInSelection(agencies).snapshot)).toEqual({ kind: 'AWAIT_WITNESSES', by: 'MARKETPLACE', due: null });
    const drand = { method: 'RANDOM_DRAW' as const, winners: 1, alternates: 2, minimumCandidates: 3, entropySource: 'drand' as const };
    expect(nextActionOf(aProjectInSelection(agencies, { selection: drand }).snapshot)).toEqual({ kind: 'AWAIT_BEACON', by: 'MARKETPLACE', due: null });
  });

  it('leaves a direct selection to the owner', () => {
    const direct = { method: 'DIRECT_SELECTION' as const, justification: '金额较小，按规定直接选取' };
    const project = aProjectInSelection(agencies, { selection: direct, budgetCapFen: 50_000_00 });

    expect(nextActionOf(project.snapshot)).toEqual({ kind: 'SELECT_DIRECTLY', by: 'OWNER', due: null });
  });
});
