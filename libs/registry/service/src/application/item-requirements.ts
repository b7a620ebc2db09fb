import type { EntityManager } from 'typeorm';
import type { ItemRequirement } from '@mkt/registry/core';
import { CatalogRepository } from '../infrastructure/catalog.repository';

/** What each catalog item, active or retired, asks of a firm that offers it. */
export async function itemRequirements(manager: EntityManager): Promise<Map<string, ItemRequirement>> {
  const items = await new CatalogRepository(manager).items();
  return new Map(items.map((i) => [i.code, { code: i.code, active: i.status === 'ACTIVE', qualificationType: i.qualificationType, minimumLevel: i.minimumLevel }]));
}
