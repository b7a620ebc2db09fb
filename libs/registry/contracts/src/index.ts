export { REGISTRY_PRODUCER, AGENCY_TOPIC, CATALOG_TOPIC, REGISTRY_TOPICS } from './topics';
export { AGENCY_STATUSES, type AgencyStatusName } from './agency-status';
export { AgencyRegisteredV1 } from './agency-registered.v1.event';
export { AgencyStatusChangedV1 } from './agency-status-changed.v1.event';
export { AgencyQualificationGrantedV1 } from './agency-qualification-granted.v1.event';
export { ServiceItemPublishedV1 } from './service-item-published.v1.event';
export { ServiceItemRetiredV1 } from './service-item-retired.v1.event';
