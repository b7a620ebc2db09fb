import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { FAILURE_SCHEMA, ID, INSTANT, QUOTE_SCHEMA, ROUND, type QuoteV1 } from './schemas';
import { BIDDING_TOPIC } from './topics';

/**
 * The round's result for the project: the bids that may win, best first with every tie broken by its draw, or a
 * failed round (流标). The first `winners` win; the rest step up in order if a winner declines.
 */
export interface BiddingDecidedV1 {
  readonly biddingId: string;
  readonly projectId: string;
  readonly round: number;
  readonly outcome: 'SELECTED' | 'FAILED';
  /** Bids that opened against their commitment and passed the checks, abnormally low ones included. */
  readonly validBidCount: number;
  readonly rankedBids: readonly { readonly agencyId: string; readonly quote: QuoteV1; readonly priceFen: number }[];
  /** The tie-break draws that ordered equal bids. */
  readonly tieBreakDrawIds: readonly string[];
  readonly failure: { readonly reason: string; readonly required: number; readonly actual: number } | null;
  readonly decidedAt: string;
}

export const BiddingDecidedV1 = defineEvent<BiddingDecidedV1>({
  type: 'bidding.BiddingDecided',
  version: 1,
  topic: BIDDING_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['biddingId', 'projectId', 'round', 'outcome', 'validBidCount', 'rankedBids', 'tieBreakDrawIds', 'failure', 'decidedAt'],
    properties: {
      biddingId: ID,
      projectId: ID,
      round: ROUND,
      outcome: { type: 'string', enum: ['SELECTED', 'FAILED'] },
      validBidCount: { type: 'integer', minimum: 0 },
      rankedBids: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['agencyId', 'quote', 'priceFen'], properties: { agencyId: ID, quote: QUOTE_SCHEMA, priceFen: { type: 'integer', minimum: 1 } } },
      },
      tieBreakDrawIds: { type: 'array', items: ID },
      failure: FAILURE_SCHEMA,
      decidedAt: INSTANT,
    },
  } as unknown as JSONSchemaType<BiddingDecidedV1>,
});
