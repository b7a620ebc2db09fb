import seedrandom from 'seedrandom';
import type { LoggedEvent } from '../records/logged-event';
import { collusionReport } from './collusion-report';

/**
 * Simulated bidding histories. Under the null — the competitive market the tests are built for — each agency
 * bids on a round of an item it offers independently with its own rate, quotes are log-normal around 85 % of the
 * cap, the lowest quote wins and any winner declines with probability 0.08. Plants break one assumption each.
 */
const AGENCIES = Array.from({ length: 12 }, (_, i) => `ag-${String(i + 1).padStart(2, '0')}`);
const ITEMS = ['EIA', 'SURVEY', 'COST'];
const CAP = 1_000_000;

interface Plants {
  /** b bids whenever a does. */
  cover?: [string, string];
  /** In rounds 10, 30 and 50, these two quote the very same price. */
  identical?: [string, string];
  /** Round 20's quotes all lie within 0.2 % of each other. */
  tightRound?: boolean;
  /** This agency declines every award. */
  decliner?: string;
}

function history(seed: string, roundCount: number, plants: Plants = {}): LoggedEvent[] {
  const rng = seedrandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const offers = new Map(AGENCIES.map((a) => [a, ITEMS.filter(() => rng() < 0.7)]));
  const rate = new Map(AGENCIES.map((a) => [a, 0.3 + 0.5 * rng()]));
  const events: LoggedEvent[] = [];
  const push = (type: string, payload: Record<string, unknown>) => events.push({ position: events.length, eventId: `e${events.length}`, type, occurredAt: '2026-03-01T00:00:00.000Z', aggregateId: String(payload['projectId']), payload });
  for (let r = 0; r < roundCount; r++) {
    const biddingId = `b${r}`;
    const projectId = `p${r}`;
    const item = ITEMS[Math.floor(rng() * ITEMS.length)];
    const bidders = AGENCIES.filter((a) => offers.get(a)?.includes(item) && rng() < (rate.get(a) as number));
    if (plants.cover) {
      const [a, b] = plants.cover;
      if (bidders.includes(a) && !bidders.includes(b) && offers.get(b)?.includes(item)) bidders.push(b);
    }
    const prices = bidders.map(() => Math.round(CAP * Math.exp(Math.log(0.85) + 0.08 * normal())));
    if (plants.tightRound && r === 20) prices.forEach((_, i) => (prices[i] = Math.round(CAP * 0.85 * (1 + 0.0005 * i))));
    if (plants.identical && [10, 30, 50].includes(r)) {
      for (const a of plants.identical) if (!bidders.includes(a)) { bidders.push(a); prices.push(0); }
      prices[bidders.indexOf(plants.identical[1])] = prices[bidders.indexOf(plants.identical[0])] = 812_345 + r;
    }
    push('bidding.BiddingOpened', { biddingId, projectId, serviceItemCode: item, quoteForm: 'AMOUNT', standardFeeFen: null });
    push('bidding.BiddingClosed', { biddingId, projectId, revealed: bidders.map((agencyId, i) => ({ agencyId, priceFen: prices[i], invalidReason: null })) });
    const ranked = bidders.map((agencyId, i) => ({ agencyId, priceFen: prices[i] })).sort((a, b) => a.priceFen - b.priceFen);
    for (const [i, { agencyId }] of ranked.entries()) {
      push('projects.ProjectAwarded', { projectId, round: 1, winners: [{ agencyId }] });
      const declines = agencyId === plants.decliner || (i + 1 < ranked.length && rng() < 0.08);
      if (!declines || i + 1 === ranked.length) break;
      push('projects.AwardDeclined', { projectId, round: 1, agencyId });
    }
  }
  return events;
}

const flagged = (events: LoggedEvent[]) => collusionReport(events).flags.map((f) => `${f.name}:${f.biddingId ?? f.agencyIds.join('+')}`);

describe('collusionReport', () => {
  it('raises nothing over a competitive history of 300 rounds, yet runs every kind of test', () => {
    const report = collusionReport(history('competitive', 300));
    expect(report.flags).toEqual([]);
    expect(new Set(report.tests.map((t) => t.name))).toEqual(new Set(['co-bidding', 'quote-spread', 'identical-quotes', 'repeated-declines']));
    expect(report.alpha).toBe(0.01);
  });

  it('flags a cover bidder that enters whenever its partner does, with the counts behind it', () => {
    const report = collusionReport(history('cover', 300, { cover: ['ag-03', 'ag-07'] }));
    const pairFlags = report.flags.filter((f) => f.name === 'co-bidding');
    expect(pairFlags.map((f) => f.agencyIds)).toEqual([['ag-03', 'ag-07']]);
    const evidence = pairFlags[0].evidence as { together: number; expectedTogether: number };
    expect(evidence.together).toBeGreaterThan(evidence.expectedTogether);
  });

  it('flags two firms that quote identically round after round, naming the rounds and prices', () => {
    const flags = collusionReport(history('identical', 300, { identical: ['ag-02', 'ag-05'] })).flags;
    expect(flags.map((f) => [f.name, ...f.agencyIds])).toEqual([['identical-quotes', 'ag-02', 'ag-05']]);
    expect(flags[0].evidence['identicalRounds']).toEqual([{ biddingId: 'b10', priceFen: 812_355 }, { biddingId: 'b30', priceFen: 812_375 }, { biddingId: 'b50', priceFen: 812_395 }]);
  });

  it('does not flag a single identical pair: in a long history that happens by chance', () => {
    const once = history('identical', 300, { identical: ['ag-02', 'ag-05'] }).filter((e) => !['b30', 'b50'].includes(String(e.payload['biddingId'])));
    const test = collusionReport(once).tests.find((t) => t.name === 'identical-quotes' && t.agencyIds.join() === 'ag-02,ag-05');
    expect(test?.statistic).toBe(1);
    expect(collusionReport(once).flags).toEqual([]);
  });

  it('flags a round whose quotes are clustered far more tightly than competitive quotes are', () => {
    expect(flagged(history('tight', 300, { tightRound: true }))).toContain('quote-spread:b20');
  });

  it('flags an agency that declines its awards, and names who was awarded the work next', () => {
    const report = collusionReport(history('declines', 300, { decliner: 'ag-04' }));
    const flags = report.flags.filter((f) => f.name === 'repeated-declines');
    expect(flags.map((f) => f.agencyIds)).toEqual([['ag-04']]);
    const evidence = flags[0].evidence as { awards: number; declines: number; nextAwarded: Record<string, number> };
    expect(evidence.declines).toBe(evidence.awards);
    expect(Object.values(evidence.nextAwarded).reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
  });

  it('keeps the false-alarm rate at about α over 500 competitive histories', () => {
    let alarms = 0;
    for (let h = 0; h < 500; h++) if (collusionReport(history(`null-${h}`, 150)).flags.length > 0) alarms++;
    // α = 0.01 bounds the family-wise rate: about 5 histories in 500; these seeds give 7 (docs/audit-analytics.md).
    expect(alarms).toBeLessThanOrEqual(12);
  }, 60_000);

  it('has nothing to test before any round has closed', () => {
    expect(collusionReport([])).toEqual({ alpha: 0.01, closedRounds: 0, tests: [], flags: [] });
  });
});
