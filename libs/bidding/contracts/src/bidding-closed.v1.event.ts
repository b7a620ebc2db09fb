import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { EVALUATION_RULE_SCHEMA, FAILURE_SCHEMA, HEX64, ID, INSTANT, QUOTE_SCHEMA, ROUND, type EvaluationRuleV1, type QuoteV1 } from './schemas';
import { BIDDING_TOPIC } from './topics';

/**
 * The close: every live bid opened with its salt, so anyone can recompute each commitment, and the evaluation
 * under the announced rule. Ties are reported here and broken afterwards by the auditable draw.
 */
export interface BiddingClosedV1 {
  readonly biddingId: string;
  readonly projectId: string;
  readonly round: number;
  readonly closedAt: string;
  readonly evaluation: EvaluationRuleV1;
  readonly revealed: readonly {
    readonly agencyId: string;
    readonly commitment: string;
    readonly quote: QuoteV1;
    readonly servicePeriodDays: number;
    readonly note: string | null;
    readonly salt: string;
    /** Null when the bid is invalid. */
    readonly priceFen: number | null;
    readonly invalidReason: string | null;
  }[];
  /** The mean of the valid bids as sum and count, exact. */
  readonly mean: { readonly sumFen: number; readonly count: number } | null;
  readonly setAside: readonly { readonly agencyId: string; readonly priceFen: number; readonly reason: string; readonly thresholdFen: number }[];
  /** Competition ranking before any tie-break: equal standing shares a position. */
  readonly ranking: readonly { readonly agencyId: string; readonly priceFen: number; readonly position: number }[];
  readonly tiedGroups: readonly { readonly position: number; readonly agencyIds: readonly string[]; readonly seatsAtStake: number }[];
  readonly failure: { readonly reason: string; readonly required: number; readonly actual: number } | null;
}

export const BiddingClosedV1 = defineEvent<BiddingClosedV1>({
  type: 'bidding.BiddingClosed',
  version: 1,
  topic: BIDDING_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['biddingId', 'projectId', 'round', 'closedAt', 'evaluation', 'revealed', 'mean', 'setAside', 'ranking', 'tiedGroups', 'failure'],
    properties: {
      biddingId: ID,
      projectId: ID,
      round: ROUND,
      closedAt: INSTANT,
      evaluation: EVALUATION_RULE_SCHEMA,
      revealed: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['agencyId', 'commitment', 'quote', 'servicePeriodDays', 'note', 'salt', 'priceFen', 'invalidReason'],
          properties: {
            agencyId: ID,
            commitment: HEX64,
            quote: QUOTE_SCHEMA,
            servicePeriodDays: { type: 'integer', minimum: 1 },
            note: { type: 'string', nullable: true },
            salt: HEX64,
            priceFen: { type: 'integer', nullable: true },
            invalidReason: { type: 'string', nullable: true },
          },
        },
      },
      mean: { type: 'object', nullable: true, additionalProperties: false, required: ['sumFen', 'count'], properties: { sumFen: { type: 'integer' }, count: { type: 'integer' } } },
      setAside: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['agencyId', 'priceFen', 'reason', 'thresholdFen'],
          properties: { agencyId: ID, priceFen: { type: 'integer' }, reason: { type: 'string' }, thresholdFen: { type: 'number' } },
        },
      },
      ranking: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['agencyId', 'priceFen', 'position'], properties: { agencyId: ID, priceFen: { type: 'integer' }, position: { type: 'integer', minimum: 1 } } },
      },
      tiedGroups: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['position', 'agencyIds', 'seatsAtStake'],
          properties: { position: { type: 'integer', minimum: 1 }, agencyIds: { type: 'array', items: ID, minItems: 2 }, seatsAtStake: { type: 'integer', minimum: 0 } },
        },
      },
      failure: FAILURE_SCHEMA,
    },
  } as unknown as JSONSchemaType<BiddingClosedV1>,
});
