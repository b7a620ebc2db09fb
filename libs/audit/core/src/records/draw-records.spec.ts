import { drawRecordsOf, loggedEventsIn } from './draw-records';
import type { LoggedEvent } from './logged-event';

const UNIFORM = 'draw/v1;sha256;jcs;seedrandom@3.0.5/arc4;int32-rejection;fisher-yates-partial';
const WEIGHTED = 'draw/v1;sha256;jcs;seedrandom@3.0.5/arc4;int32-rejection;weighted-sequential-cumulative';
const h = (c: string) => c.repeat(64);

function log(...events: [string, Record<string, unknown>][]): LoggedEvent[] {
  return events.map(([type, payload], position) => ({ position, eventId: `e${position}`, type, occurredAt: '2026-03-01T00:00:00.000Z', aggregateId: 'd1', payload }));
}

const committed = (extra: Record<string, unknown> = {}): [string, Record<string, unknown>] => [
  'draw.DrawCommitted',
  {
    drawId: 'd1', projectId: 'p1', round: 1, algorithm: UNIFORM, rulesVersion: 'rules/2026-1', k: 1, m: 1, pool: ['a', 'b', 'c'], poolHash: h('1'),
    exclusions: [{ agencyId: 'x', reason: 'CONFLICT_DECLARED' }], exclusionsHash: h('2'), commitment: h('3'), entropySource: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'],
    drandChainHash: null, drandRound: null, committedAt: '2026-03-01T08:00:00.000Z', revealDeadline: '2026-03-08T08:00:00.000Z', purpose: 'SELECTION', tieBreak: null, ...extra,
  },
];
const contributed = (witness: string, value: string, extra: Record<string, unknown> = {}): [string, Record<string, unknown>] => [
  'draw.EntropyContributed',
  { drawId: 'd1', projectId: 'p1', round: 1, witness, value, ...extra },
];
const revealed = (extra: Record<string, unknown> = {}): [string, Record<string, unknown>] => [
  'draw.DrawRevealed',
  {
    drawId: 'd1', projectId: 'p1', round: 1, poolSize: 3, secret: h('4'), seed: h('5'), winners: ['b'], alternates: ['c'], entropySource: 'witnesses',
    witnessValues: [{ witness: 'OWNER', value: '清明' }, { witness: 'SUPERVISOR', value: '42' }], drandRound: null, drandSignature: null, drandRandomness: null,
    purpose: 'SELECTION', tieBreak: null, ...extra,
  },
];
const witnessed = [contributed('OWNER', '清明'), contributed('SUPERVISOR', '42')];

describe('drawRecordsOf', () => {
  it('rebuilds a witnessed draw’s published record from its commitment, entropy and reveal entries', () => {
    const [draw] = drawRecordsOf(log(['projects.SelectionRequested', { projectId: 'p1' }], committed(), ...witnessed, revealed()));
    expect(draw).toMatchObject({ drawId: 'd1', projectId: 'p1', round: 1, purpose: 'SELECTION', positions: { committed: 1, contributed: [2, 3], revealed: 4 }, problems: [] });
    expect(draw.record).toEqual({
      drawId: 'd1', projectId: 'p1', round: 1, algorithm: UNIFORM, rulesVersion: 'rules/2026-1', k: 1, m: 1, pool: ['a', 'b', 'c'], poolHash: h('1'),
      exclusions: [{ agencyId: 'x', reason: 'CONFLICT_DECLARED' }], exclusionsHash: h('2'), commitment: h('3'),
      entropyPlan: { source: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'] }, committedAt: '2026-03-01T08:00:00.000Z',
      secret: h('4'), entropy: { source: 'witnesses', values: [{ witness: 'OWNER', value: '清明' }, { witness: 'SUPERVISOR', value: '42' }] }, seed: h('5'), winners: ['b'], alternates: ['c'],
    });
  });

  it('carries a weighted draw’s weights, their hash and rule, and a plan’s observers', () => {
    const weights = [{ id: 'a', weight: 81 }, { id: 'b', weight: 85 }, { id: 'c', weight: 101 }];
    const observers = [{ userId: 'u-1', label: '公证员' }];
    const [draw] = drawRecordsOf(
      log(committed({ algorithm: WEIGHTED, weights, weightsHash: h('6'), weightFunction: 'credit-linear/v1', creditThreshold: 60, witnesses: ['OWNER', 'SUPERVISOR', 'OBSERVER:u-1'], observers }),
        ...witnessed, contributed('OBSERVER:u-1', '7'), revealed({ witnessValues: [{ witness: 'OWNER', value: '清明' }, { witness: 'SUPERVISOR', value: '42' }, { witness: 'OBSERVER:u-1', value: '7' }] })),
    );
    expect(draw.problems).toEqual([]);
    expect(draw.record).toMatchObject({ algorithm: WEIGHTED, weights, weightsHash: h('6'), weightFunction: 'credit-linear/v1', creditThreshold: 60, entropyPlan: { observers } });
  });

  it('takes a drand beacon from the reveal and its chain from the commitment', () => {
    const [draw] = drawRecordsOf(
      log(committed({ entropySource: 'drand', witnesses: [], drandChainHash: h('c'), drandRound: 657413 }),
        revealed({ entropySource: 'drand', witnessValues: [], drandRound: 657413, drandSignature: 'ab'.repeat(48), drandRandomness: h('d') })),
    );
    expect(draw.record?.entropyPlan).toEqual({ source: 'drand', chainHash: h('c'), round: 657413 });
    expect(draw.record?.entropy).toEqual({ source: 'drand', chainHash: h('c'), round: 657413, signature: 'ab'.repeat(48), randomness: h('d') });
    expect(draw.problems).toEqual([]);
  });

  it('keeps an unrevealed commitment without a record, and counts an entry logged twice once', () => {
    const events = log(committed(), ...witnessed);
    const [draw] = drawRecordsOf([...events, { ...events[1], position: 9 }]);
    expect(draw).toMatchObject({ record: null, problems: [], positions: { committed: 0, contributed: [1, 2], revealed: null } });
  });

  it('says when the log breaks the protocol’s order: entropy or a reveal before the commitment, entropy after the reveal', () => {
    const [early] = drawRecordsOf(log(witnessed[0], committed(), witnessed[1], revealed()));
    expect(early.problems).toEqual(['entropy was logged before the commitment (positions 0, commitment at 1)']);
    const [orphan] = drawRecordsOf(log(...witnessed, revealed()));
    expect(orphan).toMatchObject({ record: null, problems: [expect.stringContaining('no commitment before it')] });
    const [late] = drawRecordsOf(log(committed(), ...witnessed, revealed(), contributed('OBSERVER:u-9', 'late')));
    expect(late.problems).toContain('entropy was logged after the reveal (positions 4)');
  });

  it('says when the reveal used witness values other than those contributed, or names another round', () => {
    const [swapped] = drawRecordsOf(log(committed(), ...witnessed, revealed({ witnessValues: [{ witness: 'OWNER', value: '清明' }, { witness: 'SUPERVISOR', value: '43' }] })));
    expect(swapped.problems).toEqual(['the witness values the reveal used are not the values contributed in the log, in the order they were logged']);
    expect(swapped.record).not.toBeNull();
    const [moved] = drawRecordsOf(log(committed(), ...witnessed, revealed({ round: 2 })));
    expect(moved.problems).toEqual(['the reveal names another project or round than the commitment']);
  });

  it('cannot rebuild a weighted draw whose commitment was logged without its weights, and says why', () => {
    const [draw] = drawRecordsOf(log(committed({ algorithm: WEIGHTED }), ...witnessed, revealed()));
    expect(draw.record).toBeNull();
    expect(draw.problems).toEqual([expect.stringContaining('carries no weights')]);
  });

  it('names what a malformed commitment lacks', () => {
    const [draw] = drawRecordsOf(log(committed({ poolHash: 7, pool: null }), ...witnessed, revealed()));
    expect(draw).toMatchObject({ record: null, problems: ['the commitment entry lacks poolHash, pool'] });
  });
});

describe('loggedEventsIn', () => {
  const envelope = { id: 'e1', type: 'draw.DrawCommitted', occurredAt: '2026-03-01T08:00:00+08:00', aggregateId: 'd1', payload: { drawId: 'd1' } };
  const expected = { position: 4, eventId: 'e1', type: 'draw.DrawCommitted', occurredAt: '2026-03-01T00:00:00.000Z', aggregateId: 'd1', payload: { drawId: 'd1' } };

  it('reads a project record, selection records, a log export and a bare list alike', () => {
    expect(loggedEventsIn({ projectId: 'p1', entries: [{ position: 4, type: 'draw.DrawCommitted', event: envelope }] })).toEqual([expected]);
    expect(loggedEventsIn({ records: [{ projectId: 'p1', entries: [{ position: 4, eventId: 'e1', type: envelope.type, aggregateId: 'd1', occurredAt: envelope.occurredAt, payload: envelope.payload }] }] })).toEqual([expected]);
    expect(loggedEventsIn({ format: 'mkt-audit-log/v1', entries: [{}, {}, {}, {}, {}].map(() => envelope) })?.at(-1)).toEqual(expected);
    expect(loggedEventsIn([{ position: 4, event: envelope }])).toEqual([expected]);
  });

  it('refuses anything else', () => {
    expect(loggedEventsIn({ drawId: 'd1' })).toBeNull();
    expect(loggedEventsIn({ entries: [42] })).toBeNull();
    expect(loggedEventsIn('[]')).toBeNull();
  });
});
