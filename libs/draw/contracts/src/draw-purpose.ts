/**
 * What a draw decides. SELECTION picks a project round's winners and alternates; TIE_BREAK orders agencies
 * whose bids tied exactly in a bidding round (DESIGN: tie-breaks use the same draw over the tied agencies).
 */
export type DrawPurposeV1 = 'SELECTION' | 'TIE_BREAK';

/** For a TIE_BREAK draw: the bidding round and the shared position whose agencies it orders. */
export interface TieBreakContextV1 {
  readonly biddingId: string;
  readonly position: number;
}

export const DRAW_PURPOSE_SCHEMA = { type: 'string', enum: ['SELECTION', 'TIE_BREAK'] } as const;

export const TIE_BREAK_CONTEXT_SCHEMA = {
  type: 'object',
  nullable: true,
  additionalProperties: false,
  required: ['biddingId', 'position'],
  properties: { biddingId: { type: 'string', minLength: 1 }, position: { type: 'integer', minimum: 1 } },
} as const;
