import type { LoggedEvent } from '../records/logged-event';
import { fairnessHistoryOf } from './fairness-history';

const UNIFORM = 'draw/v1;sha256;jcs;seedrandom@3.0.5/arc4;int32-rejection;fisher-yates-partial';
const WEIGHTED = 'draw/v1;sha256;jcs;seedrandom@3.0.5/arc4;int32-rejection;weighted-sequential-cumulative';

function log(...events: [string, Record<string, unknown>][]): LoggedEvent[] {
  return events.map(([type, payload], position) => ({ position, eventId: `e${position}`, type, occurredAt: '2026-03-01T00:00:00.000Z', aggregateId: 'x', payload }));
}

const registered = (agencyId: string, region: string): [string, Record<string, unknown>] => ['registry.AgencyRegistered', { agencyId, name: agencyId, creditCode: 'x', region }];
const granted = (agencyId: string, serviceItemCode: string, level: number): [string, Record<string, unknown>] => [
  'registry.AgencyQualificationGranted',
  { agencyId, qualificationId: `${agencyId}-${level}`, serviceItemCode, level, validFrom: '2026-01-01', validUntil: '2030-01-01' },
];
const bidding = (biddingId: string, standardFeeFen: number | null, capFen: number, bids: { agencyId: string; priceFen: number | null; invalidReason?: string }[]): [string, Record<string, unknown>][] => [
  ['bidding.BiddingOpened', { biddingId, projectId: `p-${biddingId}`, serviceItemCode: 'EIA', capFen, standardFeeFen }],
  ['bidding.BiddingClosed', { biddingId, projectId: `p-${biddingId}`, revealed: bids.map((b) => ({ invalidReason: null, ...b })) }],
];
const committed = (drawId: string, projectId: string, pool: string[], extra: Record<string, unknown> = {}): [string, Record<string, unknown>] => [
  'draw.DrawCommitted',
  { drawId, projectId, round: 1, algorithm: UNIFORM, k: 1, m: 0, pool, purpose: 'SELECTION', tieBreak: null, ...extra },
];
const revealed = (drawId: string, winners: string[]): [string, Record<string, unknown>] => ['draw.DrawRevealed', { drawId, winners }];

describe('fairnessHistoryOf', () => {
  it('pairs each commitment with its reveal, and gives every pool firm what the log knew of it at the commitment', () => {
    const events = log(
      registered('a', '330106'),
      registered('b', '330201'),
      granted('a', 'EIA', 2),
      granted('a', 'EIA', 1),
      granted('b', 'SURVEY', 1),
      ...bidding('b1', 1_000_000, 2_000_000, [
        { agencyId: 'a', priceFen: 800_000 },
        { agencyId: 'b', priceFen: 1_900_000, invalidReason: 'ABOVE_CAP' },
      ]),
      ...bidding('b2', null, 2_000_000, [{ agencyId: 'a', priceFen: 1_800_000 }]),
      ['projects.SelectionRequested', { projectId: 'p1', round: 1, serviceItemCode: 'EIA', signedUpAgencyIds: ['c', 'b', 'a'] }],
      committed('d1', 'p1', ['a', 'b']),
      // Recorded after the commitment: none of it may describe the draw.
      granted('b', 'EIA', 3),
      ...bidding('b3', null, 1_000_000, [{ agencyId: 'b', priceFen: 500_000 }]),
      revealed('d1', ['b']),
    );
    const [draw] = fairnessHistoryOf(events);
    expect(draw).toMatchObject({ drawId: 'd1', pool: ['a', 'b'], winners: ['b'], weighted: false, serviceItemCode: 'EIA', signUpOrder: ['b', 'a'] });
    expect(draw.attributes?.get('a')).toEqual({ region: '330100', grade: 1, priceLevel: (0.8 + 0.9) / 2 });
    expect(draw.attributes?.get('b')).toEqual({ region: '330200', grade: null, priceLevel: null });
  });

  it('marks credit-weighted draws, leaves sign-up order out of rounds open to all, and skips unrevealed commitments', () => {
    const events = log(
      ['projects.SelectionRequested', { projectId: 'p1', round: 1, serviceItemCode: 'EIA', signedUpAgencyIds: null }],
      committed('d1', 'p1', ['a', 'b'], { algorithm: WEIGHTED }),
      revealed('d1', ['a']),
      committed('d2', 'p1', ['a', 'b'], { round: 2 }),
    );
    expect(fairnessHistoryOf(events)).toEqual([expect.objectContaining({ drawId: 'd1', weighted: true, weights: null, signUpOrder: null })]);
  });

  it('takes a credit-weighted draw’s committed weights in pool order, and none that do not list the pool in order', () => {
    const weights = [{ id: 'a', weight: 81 }, { id: 'b', weight: 66 }];
    const events = log(
      committed('d1', 'p1', ['a', 'b'], { algorithm: WEIGHTED, weights, weightsHash: 'f'.repeat(64), weightFunction: 'credit-linear/v1', creditThreshold: 60 }),
      revealed('d1', ['b']),
      committed('d2', 'p2', ['a', 'b'], { algorithm: WEIGHTED, weights: [...weights].reverse() }),
      revealed('d2', ['a']),
      committed('d3', 'p3', ['a', 'b'], { algorithm: WEIGHTED, weights: [weights[0], { id: 'b', weight: 0.5 }] }),
      revealed('d3', ['a']),
      committed('d4', 'p4', ['a', 'b'], { weights }),
      revealed('d4', ['a']),
    );
    expect(fairnessHistoryOf(events).map((d) => [d.drawId, d.weighted, d.weights])).toEqual([
      ['d1', true, [81, 66]],
      ['d2', true, null],
      ['d3', true, null],
      // A uniform draw's chances are k/n whatever a commitment lists.
      ['d4', false, null],
    ]);
  });

  it('takes a tie-break draw’s item from its bidding round', () => {
    const events = log(
      ...bidding('b1', null, 1_000_000, [{ agencyId: 'a', priceFen: 900_000 }, { agencyId: 'b', priceFen: 900_000 }]),
      committed('t1', 'p-b1', ['a', 'b'], { purpose: 'TIE_BREAK', tieBreak: { biddingId: 'b1', position: 1 } }),
      revealed('t1', ['a']),
    );
    expect(fairnessHistoryOf(events)[0]).toMatchObject({ serviceItemCode: 'EIA', signUpOrder: null });
  });
});
