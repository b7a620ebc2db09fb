import type { DrawCommitment, DrawRecord } from '@mkt/draw/core';
import { DrawCommittedV1, DrawRevealedV1 } from '@mkt/draw/contracts';
import type { TransactionContext } from '@mkt/shared/messaging';
import type { DrawPurpose } from '../infrastructure/draw.repository';

/** The purpose fields every draw event carries, so projects act on selections only and bidding on its tie-breaks. */
function purposeFields(p: DrawPurpose) {
  return { purpose: p.purpose, tieBreak: p.purpose === 'TIE_BREAK' ? p.tieBreak : null };
}

export function publishCommitment(tx: TransactionContext, c: DrawCommitment, revealDeadline: Date, purpose: DrawPurpose): void {
  tx.publish(DrawCommittedV1, c.drawId, {
    drawId: c.drawId,
    projectId: c.projectId,
    round: c.round,
    algorithm: c.algorithm,
    rulesVersion: c.rulesVersion,
    k: c.k,
    m: c.m,
    pool: c.pool,
    poolHash: c.poolHash,
    exclusions: c.exclusions,
    exclusionsHash: c.exclusionsHash,
    // A weighted draw's weights and rule, so that the audit log alone re-verifies it (docs/draw-protocol.md §1–2).
    ...(c.weights ? { weights: c.weights, weightsHash: c.weightsHash ?? null, weightFunction: (c.weightFunction ?? null) as DrawCommittedV1['weightFunction'], creditThreshold: c.creditThreshold ?? null } : {}),
    commitment: c.commitment,
    entropySource: c.entropyPlan.source,
    witnesses: c.entropyPlan.source === 'witnesses' ? c.entropyPlan.witnesses : [],
    ...(c.entropyPlan.source === 'witnesses' && c.entropyPlan.observers ? { observers: c.entropyPlan.observers } : {}),
    drandChainHash: c.entropyPlan.source === 'drand' ? c.entropyPlan.chainHash : null,
    drandRound: c.entropyPlan.source === 'drand' ? c.entropyPlan.round : null,
    committedAt: c.committedAt,
    revealDeadline: revealDeadline.toISOString(),
    ...purposeFields(purpose),
  });
}

export function publishReveal(tx: TransactionContext, r: DrawRecord, purpose: DrawPurpose): void {
  const drand = r.entropy.source === 'drand' ? r.entropy : null;
  tx.publish(DrawRevealedV1, r.drawId, {
    drawId: r.drawId,
    projectId: r.projectId,
    round: r.round,
    poolSize: r.pool.length,
    secret: r.secret,
    seed: r.seed,
    winners: r.winners,
    alternates: r.alternates,
    entropySource: r.entropy.source,
    witnessValues: r.entropy.source === 'witnesses' ? r.entropy.values : [],
    drandRound: drand?.round ?? null,
    drandSignature: drand?.signature ?? null,
    drandRandomness: drand?.randomness ?? null,
    ...purposeFields(purpose),
  });
}
