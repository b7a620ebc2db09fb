import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { EVALUATION_RULE_SCHEMA, ID, INSTANT, ROUND, type EvaluationRuleV1 } from './schemas';
import { BIDDING_TOPIC } from './topics';

/** A sealed bidding round (竞价) opened for a project round, with its rules. Public. */
export interface BiddingOpenedV1 {
  readonly biddingId: string;
  readonly projectId: string;
  readonly round: number;
  readonly ownerOrganizationId: string;
  readonly serviceItemCode: string;
  readonly requiredLevel: number;
  readonly deadline: string;
  readonly capFen: number;
  readonly quoteForm: 'AMOUNT' | 'DISCOUNT_RATE';
  /** The item's standard fee a discount rate applies to; null when quotes are amounts and the item has none. */
  readonly standardFeeFen: number | null;
  readonly evaluation: EvaluationRuleV1;
  readonly minimumValidBids: number;
  readonly winners: number;
  readonly openedAt: string;
}

export const BiddingOpenedV1 = defineEvent<BiddingOpenedV1>({
  type: 'bidding.BiddingOpened',
  version: 1,
  topic: BIDDING_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['biddingId', 'projectId', 'round', 'ownerOrganizationId', 'serviceItemCode', 'requiredLevel', 'deadline', 'capFen', 'quoteForm', 'standardFeeFen', 'evaluation', 'minimumValidBids', 'winners', 'openedAt'],
    properties: {
      biddingId: ID,
      projectId: ID,
      round: ROUND,
      ownerOrganizationId: ID,
      serviceItemCode: ID,
      requiredLevel: { type: 'integer', minimum: 1, maximum: 9 },
      deadline: INSTANT,
      capFen: { type: 'integer', minimum: 1 },
      quoteForm: { type: 'string', enum: ['AMOUNT', 'DISCOUNT_RATE'] },
      standardFeeFen: { type: 'integer', minimum: 1, nullable: true },
      evaluation: EVALUATION_RULE_SCHEMA,
      minimumValidBids: { type: 'integer', minimum: 1 },
      winners: { type: 'integer', minimum: 1 },
      openedAt: INSTANT,
    },
  } as unknown as JSONSchemaType<BiddingOpenedV1>,
});
