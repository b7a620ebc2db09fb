export { IDENTITY_PRODUCER, ACCOUNT_TOPIC, IDENTITY_TOPICS, ACCOUNT_ROLE_NAMES, type AccountRoleName } from './topics';
export { AccountCreatedV1 } from './account-created.v1.event';
export { AccountApprovedV1 } from './account-approved.v1.event';
export { AccountDisabledV1 } from './account-disabled.v1.event';
