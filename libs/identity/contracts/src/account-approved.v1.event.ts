import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { ACCOUNT_ROLE_NAMES, ACCOUNT_TOPIC, type AccountRoleName } from './topics';

export interface AccountApprovedV1 {
  readonly accountId: string;
  readonly role: AccountRoleName;
  readonly organizationId: string | null;
  /** The approving ADMIN's account id. */
  readonly approvedBy: string;
}

export const AccountApprovedV1 = defineEvent<AccountApprovedV1>({
  type: 'identity.AccountApproved',
  version: 1,
  topic: ACCOUNT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['accountId', 'role', 'organizationId', 'approvedBy'],
    properties: {
      accountId: { type: 'string', minLength: 1 },
      role: { type: 'string', enum: [...ACCOUNT_ROLE_NAMES] },
      organizationId: { type: 'string', nullable: true },
      approvedBy: { type: 'string', minLength: 1 },
    },
    // ajv's JSONSchemaType cannot express a required `string | null`; the schema states it with `nullable`.
  } as unknown as JSONSchemaType<AccountApprovedV1>,
});
