import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { AGENCY_TOPIC } from './topics';

/**
 * One entry in an agency's credit record (docs/credit-score.md). Read models keep the `score` of the highest
 * `sequence` they have seen; the entries of one agency, replayed in order from the formula's start value, give it.
 */
export interface AgencyCreditChangedV1 {
  readonly agencyId: string;
  /** Ordinal of the entry in this agency's credit record, from 1. */
  readonly sequence: number;
  /** e.g. QUALITY_EVALUATION, LATE_DELIVERY, FEE_NON_COMPLIANCE, AWARD_DECLINED, AWARD_NOT_ANSWERED, MISCONDUCT_OVERCHARGING. */
  readonly cause: string;
  /** The project the change concerns; null for misconduct recorded without one. */
  readonly projectId: string | null;
  /** What the rule gives, before the bounds. */
  readonly points: number;
  /** The change the bounds let through: score − previous score. */
  readonly delta: number;
  readonly score: number;
  /** e.g. `credit/v1`: the formula the points come from. */
  readonly formulaVersion: string;
}

export const AgencyCreditChangedV1 = defineEvent<AgencyCreditChangedV1>({
  type: 'registry.AgencyCreditChanged',
  version: 1,
  topic: AGENCY_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agencyId', 'sequence', 'cause', 'projectId', 'points', 'delta', 'score', 'formulaVersion'],
    properties: {
      agencyId: { type: 'string', minLength: 1 },
      sequence: { type: 'integer', minimum: 1 },
      cause: { type: 'string', minLength: 1 },
      projectId: { type: 'string', minLength: 1, nullable: true },
      points: { type: 'integer' },
      delta: { type: 'integer' },
      score: { type: 'integer', minimum: 0, maximum: 100 },
      formulaVersion: { type: 'string', minLength: 1 },
    },
    // Ajv's schema type cannot express required-but-nullable fields; the runtime check is what counts.
  } as unknown as JSONSchemaType<AgencyCreditChangedV1>,
});
