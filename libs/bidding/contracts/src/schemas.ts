/** Schema pieces shared by the bidding events. */
export type QuoteV1 = { readonly form: 'AMOUNT'; readonly amountFen: number } | { readonly form: 'DISCOUNT_RATE'; readonly rate: number };

export type EvaluationRuleV1 =
  | { readonly kind: 'LOWEST_PRICE' }
  | { readonly kind: 'REASONABLE_LOW'; readonly abnormallyLowFraction: number }
  | { readonly kind: 'CLOSEST_TO_AVERAGE' };

export const HEX64 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
export const ID = { type: 'string', minLength: 1 } as const;
export const INSTANT = { type: 'string', format: 'date-time' } as const;
export const ROUND = { type: 'integer', minimum: 1 } as const;

export const QUOTE_SCHEMA = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['form', 'amountFen'], properties: { form: { const: 'AMOUNT' }, amountFen: { type: 'integer', minimum: 1 } } },
    { type: 'object', additionalProperties: false, required: ['form', 'rate'], properties: { form: { const: 'DISCOUNT_RATE' }, rate: { type: 'number', minimum: 0, exclusiveMaximum: 1 } } },
  ],
} as const;

export const EVALUATION_RULE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: { kind: { type: 'string', enum: ['LOWEST_PRICE', 'REASONABLE_LOW', 'CLOSEST_TO_AVERAGE'] }, abnormallyLowFraction: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } },
} as const;

export const FAILURE_SCHEMA = {
  type: 'object',
  nullable: true,
  additionalProperties: false,
  required: ['reason', 'required', 'actual'],
  properties: { reason: { type: 'string', minLength: 1 }, required: { type: 'integer', minimum: 0 }, actual: { type: 'integer', minimum: 0 } },
} as const;
