import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { PROJECT_TOPIC } from './topics';

export const SELECTION_METHODS = ['RANDOM_DRAW', 'CREDIT_WEIGHTED_DRAW', 'BIDDING', 'DIRECT_SELECTION'] as const;
export type SelectionMethodName = (typeof SELECTION_METHODS)[number];

export const WITNESS_ROLES = ['OWNER', 'SUPERVISOR'] as const;

/** How bids are ranked, as the bidding service names the rules (DESIGN: Bidding). */
export type BidEvaluationRuleV1 =
  | { readonly kind: 'LOWEST_PRICE' }
  | { readonly kind: 'REASONABLE_LOW'; readonly abnormallyLowFraction: number }
  | { readonly kind: 'CLOSEST_TO_AVERAGE' };

/** The rules a bidding round opens with, fixed at publication. */
export interface BiddingTermsV1 {
  /** Sealed bids until this instant (UTC ISO); a bid at or after it is late. */
  readonly deadline: string;
  /** The project's budget cap: no bid may price above it. */
  readonly capFen: number;
  readonly quoteForm: 'AMOUNT' | 'DISCOUNT_RATE';
  readonly evaluation: BidEvaluationRuleV1;
  readonly minimumValidBids: number;
}

export interface SelectionObserverV1 {
  readonly userId: string;
  readonly label: string;
}

/** At most this many observers per draw; the draw service enforces the same limit when it commits. */
export const MAX_SELECTION_OBSERVERS = 5;

/**
 * A project's sign-up has closed and a selection round must run. The draw service answers the draw methods,
 * the bidding service answers BIDDING; each ignores the others.
 */
export interface SelectionRequestedV1 {
  readonly projectId: string;
  /** 1 for the first selection; a repost or an upheld objection asks again with the next round. */
  readonly round: number;
  readonly method: SelectionMethodName;
  readonly ownerOrganizationId: string;
  readonly serviceItemCode: string;
  readonly requiredLevel: number;
  readonly winners: number;
  readonly alternates: number;
  readonly minimumCandidates: number;
  /** Agencies the owner declared a conflict with (回避): never in the pool. */
  readonly conflictAgencyIds: readonly string[];
  /** Agencies that signed up, in the order they did (the audit's sign-up-order test reads it); null when every eligible agency takes part. */
  readonly signedUpAgencyIds: readonly string[] | null;
  /** Draw methods: where the entropy comes from. */
  readonly entropySource: 'witnesses' | 'drand';
  /** Witness draws: who enters values after the commitment, by role. */
  readonly witnesses: readonly string[];
  /**
   * Witness draws: people the owner named to witness as well (a notary, a deputy), by identity account id with
   * the label the public sees; each enters a value in their own slot. Absent in requests from before observers.
   */
  readonly observers?: readonly SelectionObserverV1[];
  /** Credit-weighted draws: agencies below this credit score drop out. */
  readonly creditThreshold: number | null;
  /** Credit-weighted draws: the published weight function, e.g. `credit-linear/v1`. */
  readonly weightFunction: string | null;
  readonly rulesVersion: string;
  /** Calendar date on which qualifications must be valid (YYYY-MM-DD). */
  readonly eligibleOn: string;
  /** BIDDING: the round's rules; null for every other method. */
  readonly bidding: BiddingTermsV1 | null;
}

export const SelectionRequestedV1 = defineEvent<SelectionRequestedV1>({
  type: 'projects.SelectionRequested',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'projectId', 'round', 'method', 'ownerOrganizationId', 'serviceItemCode', 'requiredLevel', 'winners', 'alternates',
      'minimumCandidates', 'conflictAgencyIds', 'signedUpAgencyIds', 'entropySource', 'witnesses', 'creditThreshold', 'weightFunction', 'rulesVersion', 'eligibleOn', 'bidding',
    ],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      method: { type: 'string', enum: [...SELECTION_METHODS] },
      ownerOrganizationId: { type: 'string', minLength: 1 },
      serviceItemCode: { type: 'string', minLength: 1 },
      requiredLevel: { type: 'integer', minimum: 1, maximum: 9 },
      winners: { type: 'integer', minimum: 1, maximum: 20 },
      alternates: { type: 'integer', minimum: 0, maximum: 20 },
      minimumCandidates: { type: 'integer', minimum: 1 },
      conflictAgencyIds: { type: 'array', items: { type: 'string' } },
      signedUpAgencyIds: { type: 'array', items: { type: 'string' }, nullable: true },
      entropySource: { type: 'string', enum: ['witnesses', 'drand'] },
      witnesses: { type: 'array', items: { type: 'string', enum: [...WITNESS_ROLES] } },
      observers: {
        type: 'array',
        maxItems: MAX_SELECTION_OBSERVERS,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['userId', 'label'],
          properties: { userId: { type: 'string', minLength: 1, maxLength: 100 }, label: { type: 'string', minLength: 1, maxLength: 60 } },
        },
      },
      creditThreshold: { type: 'number', nullable: true },
      weightFunction: { type: 'string', minLength: 1, nullable: true },
      rulesVersion: { type: 'string', minLength: 1 },
      eligibleOn: { type: 'string', format: 'date' },
      bidding: {
        type: 'object',
        nullable: true,
        additionalProperties: false,
        required: ['deadline', 'capFen', 'quoteForm', 'evaluation', 'minimumValidBids'],
        properties: {
          deadline: { type: 'string', format: 'date-time' },
          capFen: { type: 'integer', minimum: 1 },
          quoteForm: { type: 'string', enum: ['AMOUNT', 'DISCOUNT_RATE'] },
          evaluation: {
            type: 'object',
            additionalProperties: false,
            required: ['kind'],
            properties: { kind: { type: 'string', enum: ['LOWEST_PRICE', 'REASONABLE_LOW', 'CLOSEST_TO_AVERAGE'] }, abnormallyLowFraction: { type: 'number' } },
          },
          minimumValidBids: { type: 'integer', minimum: 1 },
        },
      },
    },
    // Ajv's schema type cannot express required-but-nullable fields; the runtime check is what counts.
  } as unknown as JSONSchemaType<SelectionRequestedV1>,
});
