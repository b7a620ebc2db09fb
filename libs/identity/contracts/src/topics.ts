import { topicName } from '@mkt/shared/contracts';

export const IDENTITY_PRODUCER = 'identity';
export const ACCOUNT_TOPIC = topicName('identity', 'account', 1);
export const IDENTITY_TOPICS = [ACCOUNT_TOPIC] as const;

export const ACCOUNT_ROLE_NAMES = ['ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR'] as const;
export type AccountRoleName = (typeof ACCOUNT_ROLE_NAMES)[number];
