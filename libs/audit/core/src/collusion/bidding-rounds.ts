import { num, records, text, type LoggedEvent } from '../records/logged-event';

/** A closed bidding round as the log shows it: its item, who bid, and the valid prices opened at the close. */
export interface ClosedRound {
  readonly biddingId: string;
  readonly projectId: string | null;
  readonly serviceItemCode: string | null;
  /** Every agency with a live bid at the close (valid or not), in the order revealed. */
  readonly bidders: readonly string[];
  readonly validBids: readonly { readonly agencyId: string; readonly priceFen: number }[];
  /** The smallest price step a quote can take: 1 fen for amounts, a rate step of 0.0001 of the standard fee. */
  readonly resolutionFen: number;
}

/** The closed rounds, in the order they closed, with their item and quote form from the opening. */
export function closedRoundsOf(events: readonly LoggedEvent[]): ClosedRound[] {
  const opened = new Map<string, { item: string | null; quoteForm: string | null; standardFeeFen: number | null }>();
  const rounds: ClosedRound[] = [];
  for (const { type, payload } of events) {
    const biddingId = text(payload, 'biddingId');
    if (biddingId === null) continue;
    if (type === 'bidding.BiddingOpened') {
      opened.set(biddingId, { item: text(payload, 'serviceItemCode'), quoteForm: text(payload, 'quoteForm'), standardFeeFen: num(payload, 'standardFeeFen') });
    }
    if (type !== 'bidding.BiddingClosed') continue;
    const opening = opened.get(biddingId);
    const revealed = records(payload, 'revealed').filter((bid) => typeof bid['agencyId'] === 'string');
    // DESIGN: a discount rate has at most 4 decimals, so two rate quotes cannot differ by less than this.
    const rateStep = opening?.quoteForm === 'DISCOUNT_RATE' && opening.standardFeeFen ? opening.standardFeeFen * 0.0001 : 1;
    rounds.push({
      biddingId,
      projectId: text(payload, 'projectId'),
      serviceItemCode: opening?.item ?? null,
      bidders: [...new Set(revealed.map((bid) => bid['agencyId'] as string))],
      validBids: revealed
        .filter((bid) => typeof bid['priceFen'] === 'number' && (bid['priceFen'] as number) > 0 && bid['invalidReason'] == null)
        .map((bid) => ({ agencyId: bid['agencyId'] as string, priceFen: bid['priceFen'] as number })),
      resolutionFen: Math.max(1, rateStep),
    });
  }
  return rounds;
}
