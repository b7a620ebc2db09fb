import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { DRAW_PURPOSE_SCHEMA, TIE_BREAK_CONTEXT_SCHEMA, type DrawPurposeV1, type TieBreakContextV1 } from './draw-purpose';
import { DRAW_TOPIC } from './topics';
import { PUBLISHED_WEIGHT_FUNCTIONS, type PublishedWeightFunction } from './weight-functions';

/**
 * Step 2 of the draw protocol, published before any entropy exists: everything that fixes the outcome
 * except the sealed secret and the entropy (docs/draw-protocol.md).
 */
export interface DrawCommittedV1 {
  readonly drawId: string;
  readonly projectId: string;
  readonly round: number;
  readonly algorithm: string;
  readonly rulesVersion: string;
  readonly k: number;
  readonly m: number;
  readonly pool: readonly string[];
  readonly poolHash: string;
  readonly exclusions: readonly { readonly agencyId: string; readonly reason: string }[];
  readonly exclusionsHash: string;
  /**
   * Credit-weighted draws (信用择优): each pool member's weight from the published function, in pool order, and
   * SHA-256 of their JCS text (bound into the seed), so the log alone re-verifies the draw and gives each firm's
   * chance. Absent from uniform draws and from commitments made before the weights were published.
   */
  readonly weights?: readonly DrawWeightV1[] | null;
  readonly weightsHash?: string | null;
  /** The announced weight function and credit threshold the weights and the CREDIT_BELOW_THRESHOLD exclusions follow. */
  readonly weightFunction?: PublishedWeightFunction | null;
  readonly creditThreshold?: number | null;
  readonly commitment: string;
  readonly entropySource: 'witnesses' | 'drand';
  readonly witnesses: readonly string[];
  /**
   * Observers named by the project owner, each holding the witness slot `OBSERVER:<userId>`. Absent from
   * commitments made before observers existed and from draws without any.
   */
  readonly observers?: readonly DrawObserverV1[];
  readonly drandChainHash: string | null;
  readonly drandRound: number | null;
  readonly committedAt: string;
  readonly revealDeadline: string;
  readonly purpose: DrawPurposeV1;
  /** Set for a TIE_BREAK draw, null for a SELECTION. */
  readonly tieBreak: TieBreakContextV1 | null;
}

/** One pool member's weight: a positive whole number (docs/draw-protocol.md §1). */
export interface DrawWeightV1 {
  readonly id: string;
  readonly weight: number;
}

/** A named witness: an identity account id and the label printed on the public record. */
export interface DrawObserverV1 {
  readonly userId: string;
  readonly label: string;
}

const hex64 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

export const DrawCommittedV1 = defineEvent<DrawCommittedV1>({
  type: 'draw.DrawCommitted',
  version: 1,
  topic: DRAW_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['drawId', 'projectId', 'round', 'algorithm', 'rulesVersion', 'k', 'm', 'pool', 'poolHash', 'exclusions', 'exclusionsHash', 'commitment', 'entropySource', 'witnesses', 'drandChainHash', 'drandRound', 'committedAt', 'revealDeadline', 'purpose', 'tieBreak'],
    properties: {
      drawId: { type: 'string', minLength: 1 },
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      algorithm: { type: 'string', minLength: 1 },
      rulesVersion: { type: 'string', minLength: 1 },
      k: { type: 'integer', minimum: 1 },
      m: { type: 'integer', minimum: 0 },
      pool: { type: 'array', items: { type: 'string' } },
      poolHash: hex64,
      exclusions: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['agencyId', 'reason'], properties: { agencyId: { type: 'string' }, reason: { type: 'string' } } },
      },
      exclusionsHash: hex64,
      weights: {
        type: 'array',
        nullable: true,
        items: { type: 'object', additionalProperties: false, required: ['id', 'weight'], properties: { id: { type: 'string' }, weight: { type: 'integer', minimum: 1 } } },
      },
      weightsHash: { ...hex64, nullable: true },
      // Ajv checks `enum` before `nullable`: null has to be listed too.
      weightFunction: { type: 'string', enum: [...PUBLISHED_WEIGHT_FUNCTIONS, null], nullable: true },
      creditThreshold: { type: 'number', minimum: 0, maximum: 100, nullable: true },
      commitment: hex64,
      entropySource: { type: 'string', enum: ['witnesses', 'drand'] },
      witnesses: { type: 'array', items: { type: 'string' } },
      observers: {
        type: 'array',
        maxItems: 5,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['userId', 'label'],
          properties: { userId: { type: 'string', minLength: 1, maxLength: 100 }, label: { type: 'string', minLength: 1, maxLength: 60 } },
        },
      },
      drandChainHash: { type: 'string', nullable: true },
      drandRound: { type: 'integer', nullable: true },
      committedAt: { type: 'string', format: 'date-time' },
      revealDeadline: { type: 'string', format: 'date-time' },
      purpose: DRAW_PURPOSE_SCHEMA,
      tieBreak: TIE_BREAK_CONTEXT_SCHEMA,
    },
    // Ajv's schema type cannot express required-but-nullable fields; the runtime check is what counts.
  } as unknown as JSONSchemaType<DrawCommittedV1>,
});

