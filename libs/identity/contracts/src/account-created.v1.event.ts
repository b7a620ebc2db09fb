import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { ACCOUNT_ROLE_NAMES, ACCOUNT_TOPIC, type AccountRoleName } from './topics';

/** An account exists. No username or name: other services and the public audit log need only role and organisation. */
export interface AccountCreatedV1 {
  readonly accountId: string;
  readonly role: AccountRoleName;
  readonly organizationId: string | null;
  readonly status: 'PENDING' | 'ACTIVE';
  /** True for a self-service sign-up (waiting for approval), false for an account an ADMIN made. */
  readonly selfSignUp: boolean;
}

export const AccountCreatedV1 = defineEvent<AccountCreatedV1>({
  type: 'identity.AccountCreated',
  version: 1,
  topic: ACCOUNT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['accountId', 'role', 'organizationId', 'status', 'selfSignUp'],
    properties: {
      accountId: { type: 'string', minLength: 1 },
      role: { type: 'string', enum: [...ACCOUNT_ROLE_NAMES] },
      organizationId: { type: 'string', nullable: true },
      status: { type: 'string', enum: ['PENDING', 'ACTIVE'] },
      selfSignUp: { type: 'boolean' },
    },
    // ajv's JSONSchemaType cannot express a required `string | null`; the schema states it with `nullable`.
  } as unknown as JSONSchemaType<AccountCreatedV1>,
});
