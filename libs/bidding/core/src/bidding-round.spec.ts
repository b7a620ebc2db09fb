import { bidCommitment, type SealedBid } from './bid-commitment';
import { BiddingRound, type BiddingRules, type SealedEnvelope } from './bidding-round';
import type { Quote } from './quote.value-object';

const rules: BiddingRules = {
  biddingId: 'BID-2026-001',
  deadline: '2026-03-10T09:00:00.000+08:00',
  capFen: 100_000,
  quoteForm: 'AMOUNT',
  standardFeeFen: 120_000,
  evaluation: { kind: 'LOWEST_PRICE' },
  minimumValidBids: 2,
  winners: 1,
};
const before = '2026-03-10T00:59:59.999Z';
const atDeadline = '2026-03-10T01:00:00.000Z';
const salt = (n: number) => n.toString(16).padStart(2, '0').repeat(32);

function sealed(agencyId: string, quote: Quote, n = 1, biddingId = rules.biddingId): { envelope: SealedEnvelope; commitment: string } {
  const bid: SealedBid = { biddingId, agencyId, quote, servicePeriodDays: 30, note: null };
  return { envelope: { bid, salt: salt(n) }, commitment: bidCommitment(bid, salt(n)) };
}
const amount = (amountFen: number): Quote => ({ form: 'AMOUNT', amountFen });

function opened(overrides: Partial<BiddingRules> = {}): BiddingRound {
  return BiddingRound.open({ ...rules, ...overrides }, '2026-03-01T00:00:00Z').round;
}

function submitted(round: BiddingRound, agencyId: string, price: number, at = '2026-03-05T00:00:00Z'): BiddingRound {
  const s = sealed(agencyId, amount(price));
  return round.submit(agencyId, s.envelope, s.commitment, at).round;
}

describe('BiddingRound', () => {
  it('needs a standard fee only when quotes are discount rates', () => {
    expect(opened({ standardFeeFen: null }).state.rules.standardFeeFen).toBeNull();
    expect(() => opened({ quoteForm: 'DISCOUNT_RATE', standardFeeFen: null })).toThrow(expect.objectContaining({ code: 'BIDDING.INVALID_RULES', field: 'standardFeeFen' }));
    expect(() => opened({ standardFeeFen: 0 })).toThrow(expect.objectContaining({ field: 'standardFeeFen' }));
  });

  it('refuses an amount above the cap without repeating the price in the refusal', () => {
    const s = sealed('agency-a', amount(100_001));
    const refusal = (() => {
      try {
        opened().submit('agency-a', s.envelope, s.commitment, before);
      } catch (e) {
        return e as Error & { code: string; field: string };
      }
      throw new Error('the bid above the cap was accepted');
    })();
    expect(refusal).toMatchObject({ code: 'BIDDING.QUOTE_ABOVE_CAP', field: 'quote.amountFen' });
    expect(refusal.message).not.toContain('100001');
  });

  it('sets aside at the close the bid of an agency no longer eligible, and evaluates the rest', () => {
    let round = opened({ minimumValidBids: 1 });
    round = submitted(round, 'agency-a', 50_000);
    round = submitted(round, 'agency-b', 60_000);
    const { round: closed } = round.close(atDeadline, new Map([['agency-a', 'AGENCY_NOT_ACTIVE']]));
    expect(closed.state.revealed.map((r) => [r.agencyId, r.invalid?.reason ?? null, r.priceFen])).toEqual([
      ['agency-a', 'BIDDER_NOT_ELIGIBLE', null],
      ['agency-b', null, 60_000],
    ]);
    expect(closed.state.evaluation?.winners).toEqual(['agency-b']);
  });

  it('opens with its rules and records them', () => {
    const { round, events } = BiddingRound.open(rules, '2026-03-01T00:00:00Z');
    expect(round.state.status).toBe('OPEN');
    expect(events).toEqual([expect.objectContaining({ kind: 'bidding-opened', biddingId: 'BID-2026-001', capFen: 100_000, winners: 1 })]);
  });

  it('refuses to open with a deadline already past, or unsound rules', () => {
    expect(() => BiddingRound.open(rules, '2026-03-10T01:00:00Z')).toThrow(expect.objectContaining({ code: 'BIDDING.DEADLINE_NOT_AHEAD', field: 'deadline' }));
    expect(() => BiddingRound.open({ ...rules, deadline: '10 March' }, '2026-03-01T00:00:00Z')).toThrow(
      expect.objectContaining({ code: 'BIDDING.INVALID_INSTANT', field: 'deadline' }),
    );
    expect(() => BiddingRound.open({ ...rules, winners: 0 }, '2026-03-01T00:00:00Z')).toThrow(expect.objectContaining({ field: 'winners' }));
    expect(() => BiddingRound.open({ ...rules, evaluation: { kind: 'REASONABLE_LOW', abnormallyLowFraction: 1 } }, '2026-03-01T00:00:00Z')).toThrow(
      expect.objectContaining({ code: 'BIDDING.INVALID_EVALUATION_RULE' }),
    );
  });

  describe('submit', () => {
    it('accepts a sealed bid one millisecond before the deadline and publishes only its commitment', () => {
      const s = sealed('A1', amount(90_000));
      const { round, events } = opened().submit('A1', s.envelope, s.commitment, before);
      expect(events).toEqual([{ kind: 'bid-submitted', biddingId: rules.biddingId, agencyId: 'A1', commitment: s.commitment, at: before }]);
      expect(JSON.stringify(events)).not.toContain('90000');
      expect(round.liveBidOf('A1')?.commitment).toBe(s.commitment);
    });

    it('refuses a bid at the deadline to the millisecond, whatever the offset it is written in', () => {
      const s = sealed('A1', amount(90_000));
      expect(() => opened().submit('A1', s.envelope, s.commitment, atDeadline)).toThrow(expect.objectContaining({ code: 'BIDDING.DEADLINE_PASSED', kind: 'conflict' }));
      expect(() => opened().submit('A1', s.envelope, s.commitment, '2026-03-10T09:00:00.001+08:00')).toThrow(
        expect.objectContaining({ code: 'BIDDING.DEADLINE_PASSED' }),
      );
    });

    it('keeps one live bid per agency', () => {
      const round = submitted(opened(), 'A1', 90_000);
      const again = sealed('A1', amount(80_000), 2);
      expect(() => round.submit('A1', again.envelope, again.commitment, before)).toThrow(expect.objectContaining({ code: 'BIDDING.ALREADY_BID', field: 'agencyId' }));
    });

    it('refuses a quote above the cap, of the wrong form, or sealed for another agency or bidding', () => {
      const above = sealed('A1', amount(100_001));
      expect(() => opened().submit('A1', above.envelope, above.commitment, before)).toThrow(
        expect.objectContaining({ code: 'BIDDING.QUOTE_ABOVE_CAP', field: 'quote.amountFen' }),
      );
      const rate = sealed('A1', { form: 'DISCOUNT_RATE', rate: 0.2 });
      expect(() => opened().submit('A1', rate.envelope, rate.commitment, before)).toThrow(expect.objectContaining({ code: 'BIDDING.WRONG_QUOTE_FORM' }));
      const other = sealed('A2', amount(90_000));
      expect(() => opened().submit('A1', other.envelope, other.commitment, before)).toThrow(expect.objectContaining({ field: 'bid.agencyId' }));
      const elsewhere = sealed('A1', amount(90_000), 1, 'BID-OTHER');
      expect(() => opened().submit('A1', elsewhere.envelope, elsewhere.commitment, before)).toThrow(expect.objectContaining({ field: 'bid.biddingId' }));
    });

    it('checks a discount-rate round against the cap through the effective price', () => {
      const round = opened({ quoteForm: 'DISCOUNT_RATE' });
      const tooHigh = sealed('A1', { form: 'DISCOUNT_RATE', rate: 0.1 }); // 108 000 > 100 000
      expect(() => round.submit('A1', tooHigh.envelope, tooHigh.commitment, before)).toThrow(expect.objectContaining({ field: 'quote.rate' }));
      const ok = sealed('A1', { form: 'DISCOUNT_RATE', rate: 0.25 }); // 90 000
      expect(round.submit('A1', ok.envelope, ok.commitment, before).events).toHaveLength(1);
    });

    it('refuses a malformed salt or commitment', () => {
      const s = sealed('A1', amount(90_000));
      expect(() => opened().submit('A1', { ...s.envelope, salt: 'abc' }, s.commitment, before)).toThrow(expect.objectContaining({ code: 'BIDDING.INVALID_SALT' }));
      expect(() => opened().submit('A1', s.envelope, 'xyz', before)).toThrow(expect.objectContaining({ code: 'BIDDING.INVALID_COMMITMENT' }));
    });
  });

  describe('replace and withdraw', () => {
    it('replaces a live bid before the deadline and keeps the old one on record', () => {
      const first = sealed('A1', amount(95_000), 1);
      const second = sealed('A1', amount(85_000), 2);
      const round = opened().submit('A1', first.envelope, first.commitment, '2026-03-05T00:00:00Z').round;
      const { round: next, events } = round.replace('A1', second.envelope, second.commitment, before);
      expect(events).toEqual([
        { kind: 'bid-replaced', biddingId: rules.biddingId, agencyId: 'A1', previousCommitment: first.commitment, commitment: second.commitment, at: before },
      ]);
      expect(next.state.submissions.map((s) => [s.commitment, s.status, s.endedAt])).toEqual([
        [first.commitment, 'REPLACED', before],
        [second.commitment, 'LIVE', null],
      ]);
    });

    it('withdraws a live bid, records it, and lets the agency bid again', () => {
      const round = submitted(opened(), 'A1', 95_000);
      const { round: next, events } = round.withdraw('A1', before);
      expect(events).toEqual([expect.objectContaining({ kind: 'bid-withdrawn', agencyId: 'A1' })]);
      expect(next.liveBidOf('A1')).toBeNull();
      expect(next.state.submissions[0].status).toBe('WITHDRAWN');
      const again = sealed('A1', amount(90_000), 3);
      expect(next.submit('A1', again.envelope, again.commitment, before).round.liveBidOf('A1')?.commitment).toBe(again.commitment);
    });

    it('refuses to replace or withdraw at the deadline, or without a live bid', () => {
      const round = submitted(opened(), 'A1', 95_000);
      const s = sealed('A1', amount(85_000), 2);
      expect(() => round.replace('A1', s.envelope, s.commitment, atDeadline)).toThrow(expect.objectContaining({ code: 'BIDDING.DEADLINE_PASSED' }));
      expect(() => round.withdraw('A1', atDeadline)).toThrow(expect.objectContaining({ code: 'BIDDING.DEADLINE_PASSED' }));
      expect(() => round.withdraw('A2', before)).toThrow(expect.objectContaining({ code: 'BIDDING.NO_LIVE_BID' }));
    });
  });

  describe('close', () => {
    it('refuses before the deadline and accepts exactly at it', () => {
      const round = submitted(submitted(opened(), 'A1', 90_000), 'A2', 80_000);
      expect(() => round.close(before)).toThrow(expect.objectContaining({ code: 'BIDDING.DEADLINE_NOT_REACHED' }));
      const { round: closed, events } = round.close(atDeadline);
      expect(closed.state.status).toBe('CLOSED');
      expect(events.map((e) => e.kind)).toEqual(['bidding-closed']);
      expect(closed.state.evaluation?.winners).toEqual(['A2']);
      expect(() => closed.close(atDeadline)).toThrow(expect.objectContaining({ code: 'BIDDING.ROUND_CLOSED' }));
    });

    it('reveals only live bids, with their salts, and evaluates the replacement, not the replaced bid', () => {
      let round = submitted(submitted(opened(), 'A1', 90_000), 'A2', 80_000);
      const lower = sealed('A1', amount(70_000), 7);
      round = round.replace('A1', lower.envelope, lower.commitment, before).round;
      const { events } = round.close(atDeadline);
      const closedEvent = events[0];
      if (closedEvent.kind !== 'bidding-closed') throw new Error('expected bidding-closed');
      expect(closedEvent.revealed.map((r) => [r.agencyId, r.priceFen, r.salt])).toEqual([
        ['A2', 80_000, salt(1)],
        ['A1', 70_000, salt(7)],
      ]);
      expect(closedEvent.evaluation.winners).toEqual(['A1']);
    });

    it('marks a bid whose content does not match its commitment invalid, with the reason', () => {
      const honest = sealed('A1', amount(90_000));
      const s = sealed('A2', amount(80_000));
      let round = opened({ minimumValidBids: 1 }).submit('A1', honest.envelope, honest.commitment, before).round;
      // The commitment was made for 80 000 but the envelope now says 60 000.
      const tampered = { ...s.envelope, bid: { ...s.envelope.bid, quote: amount(60_000) } };
      round = round.submit('A2', tampered, s.commitment, before).round;
      const closed = round.close(atDeadline).round;
      expect(closed.state.revealed.find((r) => r.agencyId === 'A2')).toMatchObject({ priceFen: null, invalid: { reason: 'COMMITMENT_MISMATCH' } });
      expect(closed.state.evaluation?.validBids.map((b) => b.agencyId)).toEqual(['A1']);
      expect(closed.state.evaluation?.winners).toEqual(['A1']);
    });

    it('fails the round (流标) when valid bids fall below the minimum, withdrawn bids not counting', () => {
      const round = submitted(submitted(opened(), 'A1', 90_000), 'A2', 80_000).withdraw('A2', before).round;
      const { round: closed, events } = round.close(atDeadline);
      expect(events.map((e) => e.kind)).toEqual(['bidding-closed', 'bidding-failed']);
      expect(events[1]).toEqual({ kind: 'bidding-failed', biddingId: rules.biddingId, at: atDeadline, reason: 'TOO_FEW_VALID_BIDS', required: 2, actual: 1 });
      expect(closed.state.evaluation?.failed).toBe(true);
    });

    it('leaves a tie at the winning position for the draw', () => {
      const round = submitted(submitted(opened(), 'A1', 80_000), 'A2', 80_000);
      const evaluation = round.close(atDeadline).round.state.evaluation;
      expect(evaluation?.winners).toEqual([]);
      expect(evaluation?.tiedGroups).toEqual([{ position: 1, agencyIds: ['A1', 'A2'], seatsAtStake: 1 }]);
    });

    it('refuses bids after the close', () => {
      const closed = submitted(submitted(opened(), 'A1', 90_000), 'A2', 80_000).close(atDeadline).round;
      const late = sealed('A3', amount(50_000));
      expect(() => closed.submit('A3', late.envelope, late.commitment, '2026-03-11T00:00:00Z')).toThrow(expect.objectContaining({ code: 'BIDDING.DEADLINE_PASSED' }));
    });
  });
});
