import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { DRAW_PURPOSE_SCHEMA, TIE_BREAK_CONTEXT_SCHEMA, type DrawPurposeV1, type TieBreakContextV1 } from './draw-purpose';
import { DRAW_TOPIC } from './topics';

/** Step 5: the secret, the entropy, the seed and the selection. With the commitment, anyone can re-check it. */
export interface DrawRevealedV1 {
  readonly drawId: string;
  readonly projectId: string;
  readonly round: number;
  /** Size of the frozen pool the selection came from. */
  readonly poolSize: number;
  readonly secret: string;
  readonly seed: string;
  readonly winners: readonly string[];
  readonly alternates: readonly string[];
  readonly entropySource: 'witnesses' | 'drand';
  readonly witnessValues: readonly { readonly witness: string; readonly value: string }[];
  readonly drandRound: number | null;
  readonly drandSignature: string | null;
  readonly drandRandomness: string | null;
  readonly purpose: DrawPurposeV1;
  /** Set for a TIE_BREAK draw, null for a SELECTION. */
  readonly tieBreak: TieBreakContextV1 | null;
}

export const DrawRevealedV1 = defineEvent<DrawRevealedV1>({
  type: 'draw.DrawRevealed',
  version: 1,
  topic: DRAW_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['drawId', 'projectId', 'round', 'poolSize', 'secret', 'seed', 'winners', 'alternates', 'entropySource', 'witnessValues', 'drandRound', 'drandSignature', 'drandRandomness', 'purpose', 'tieBreak'],
    properties: {
      drawId: { type: 'string', minLength: 1 },
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      poolSize: { type: 'integer', minimum: 0 },
      secret: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      seed: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      winners: { type: 'array', items: { type: 'string' } },
      alternates: { type: 'array', items: { type: 'string' } },
      entropySource: { type: 'string', enum: ['witnesses', 'drand'] },
      witnessValues: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['witness', 'value'], properties: { witness: { type: 'string' }, value: { type: 'string' } } },
      },
      drandRound: { type: 'integer', nullable: true },
      drandSignature: { type: 'string', nullable: true },
      drandRandomness: { type: 'string', nullable: true },
      purpose: DRAW_PURPOSE_SCHEMA,
      tieBreak: TIE_BREAK_CONTEXT_SCHEMA,
    },
  } as unknown as JSONSchemaType<DrawRevealedV1>,
});
