import { topicName } from '@mkt/shared/contracts';

export const BIDDING_PRODUCER = 'bidding';
export const BIDDING_TOPIC = topicName('bidding', 'bidding', 1);
export const BIDDING_TOPICS = [BIDDING_TOPIC] as const;
