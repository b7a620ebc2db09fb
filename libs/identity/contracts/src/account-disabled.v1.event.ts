import { defineEvent } from '@mkt/shared/contracts';
import { ACCOUNT_TOPIC } from './topics';

export interface AccountDisabledV1 {
  readonly accountId: string;
  readonly reason: string;
  /** The disabling ADMIN's account id. */
  readonly disabledBy: string;
}

export const AccountDisabledV1 = defineEvent<AccountDisabledV1>({
  type: 'identity.AccountDisabled',
  version: 1,
  topic: ACCOUNT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['accountId', 'reason', 'disabledBy'],
    properties: {
      accountId: { type: 'string', minLength: 1 },
      reason: { type: 'string', minLength: 1 },
      disabledBy: { type: 'string', minLength: 1 },
    },
  },
});
