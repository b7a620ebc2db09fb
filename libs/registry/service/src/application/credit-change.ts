import type { CreditEntry, CreditPoints, CreditSource } from '@mkt/registry/core';
import { AgencyCreditChangedV1 } from '@mkt/registry/contracts';
import type { TransactionContext } from '@mkt/shared/messaging';
import { CreditRepository } from '../infrastructure/credit.repository';

/** Applies points to an agency's credit record in the caller's transaction: one entry and one event per item. */
export async function changeCreditIn(tx: TransactionContext, agencyId: string, items: readonly CreditPoints[], source: CreditSource): Promise<CreditEntry[]> {
  if (items.length === 0) return [];
  const repository = new CreditRepository(tx.manager);
  const record = await repository.lock(agencyId);
  const entries = record.apply(items, source, tx.now);
  await repository.append(record, entries);
  for (const e of entries) {
    tx.publish(AgencyCreditChangedV1, agencyId, {
      agencyId,
      sequence: e.sequence,
      cause: e.cause,
      projectId: e.projectId,
      points: e.points,
      delta: e.delta,
      score: e.scoreAfter,
      formulaVersion: e.formulaVersion,
    });
  }
  return entries;
}
