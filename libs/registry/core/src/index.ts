export { Agency, type AgencyState, type AgencyEvent, type Qualification } from './agency.entity';
export { statusTransitionMustBeAllowed, type AgencyStatus } from './agency-status';
export { UnifiedSocialCreditCode, creditCodeCheckCharacter } from './unified-social-credit-code.value-object';
export {
  Catalog,
  standardMustBeComplete,
  serviceCodeMustBeWellFormed,
  type Bilingual,
  type CatalogChange,
  type CatalogChangeKind,
  type CatalogState,
  type ServiceCategory,
  type ServiceItem,
  type ServiceItemStandard,
  type ServiceItemStatus,
} from './catalog.entity';
export { DEMO_CATEGORIES, DEMO_SERVICE_ITEMS } from './demo-catalog';
