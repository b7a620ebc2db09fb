import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { DRAW_PURPOSE_SCHEMA, TIE_BREAK_CONTEXT_SCHEMA, type DrawPurposeV1, type TieBreakContextV1 } from './draw-purpose';
import { DRAW_TOPIC } from './topics';

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

