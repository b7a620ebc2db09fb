import { topicName } from '@mkt/shared/contracts';

export const REGISTRY_PRODUCER = 'registry';
export const AGENCY_TOPIC = topicName('registry', 'agency', 1);
export const CATALOG_TOPIC = topicName('registry', 'catalog', 1);
export const REGISTRY_TOPICS = [AGENCY_TOPIC, CATALOG_TOPIC] as const;
