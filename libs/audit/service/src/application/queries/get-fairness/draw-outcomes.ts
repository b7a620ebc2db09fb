import type { DrawOutcome } from '@mkt/audit/core';
import type { StoredEntry } from '../../../infrastructure/audit-log.repository';

/**
 * Pairs each draw's commitment (the frozen pool, in its published order) with its reveal (the winners), as the
 * log recorded them. A commitment without a reveal is not a draw outcome yet and is left out.
 */
export function drawOutcomesOf(entries: readonly StoredEntry[]): DrawOutcome[] {
  const pools = new Map<string, readonly string[]>();
  const outcomes: DrawOutcome[] = [];
  for (const entry of entries) {
    const { type, payload } = JSON.parse(entry.entry) as { type: string; payload: { drawId: string; pool?: string[]; winners?: string[] } };
    if (type === 'draw.DrawCommitted' && Array.isArray(payload.pool)) pools.set(payload.drawId, payload.pool);
    if (type === 'draw.DrawRevealed' && Array.isArray(payload.winners)) {
      const pool = pools.get(payload.drawId);
      if (pool) outcomes.push({ drawId: payload.drawId, pool, winners: payload.winners });
    }
  }
  return outcomes;
}
