import type { EntityManager } from 'typeorm';
import { PUBLISHED_WEIGHT_FUNCTIONS } from '@mkt/draw/contracts';
import type { PostingContext, ProjectTermsInput } from '@mkt/projects/core';
import { CatalogItemRepository } from '../infrastructure/catalog-item.repository';

/**
 * Loads what a posting is checked against, for the item codes a call may name: the project's current one and the
 * one a change asks for. The domain looks items up synchronously; any other code reads as unknown.
 */
export async function postingContextFor(manager: EntityManager, ...codes: unknown[]): Promise<PostingContext> {
  const wanted = codes.filter((code): code is string => typeof code === 'string' && code.trim().length > 0).map((code) => code.trim());
  const items = await new CatalogItemRepository(manager).byCodes([...new Set(wanted)]);
  return { catalogItem: (code) => items.get(code) ?? null, weightFunctions: PUBLISHED_WEIGHT_FUNCTIONS };
}

/** The code a change would leave the project with, if the change names one. */
export function changedItemCode(changes: Partial<ProjectTermsInput> | undefined): unknown {
  return changes && typeof changes === 'object' ? changes.serviceItemCode : undefined;
}
