import { invalid } from '@mkt/shared/kernel';
import { standardOf, type CatalogItem, type ServiceItemStandard } from '../catalog-item.value-object';

/** A project is posted for an item the catalog currently offers: known, and not retired. */
export function serviceItemMustBeOffered(code: string, item: CatalogItem | null): ServiceItemStandard {
  if (!item) throw invalid('PROJECTS.UNKNOWN_SERVICE_ITEM', `${code} is not a service item of the catalog`, 'serviceItemCode');
  if (item.retired) throw invalid('PROJECTS.SERVICE_ITEM_RETIRED', `${code} has been retired from the catalog`, 'serviceItemCode');
  return standardOf(item);
}

/**
 * The catalog sets the lowest grade an agency may hold for the item (1 is the highest grade). A project may ask
 * for a better grade, never a weaker one: a larger number than the item's minimum would admit unqualified firms.
 */
export function requiredLevelMustMeetItemMinimum(requiredLevel: number, standard: ServiceItemStandard): void {
  if (requiredLevel > standard.minimumLevel) {
    throw invalid('PROJECTS.LEVEL_BELOW_ITEM_MINIMUM', `${standard.code} requires qualification level ${standard.minimumLevel} or better; ${requiredLevel} is weaker`, 'requiredLevel');
  }
}
