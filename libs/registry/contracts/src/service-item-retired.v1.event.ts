import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { CATALOG_TOPIC } from './topics';

/** A service item is withdrawn from the catalog; when merged, `supersededBy` names the item that carries on. */
export interface ServiceItemRetiredV1 {
  readonly code: string;
  /** The item's last version, which stays readable for past projects. */
  readonly version: number;
  readonly reason: string;
  readonly supersededBy: string | null;
  readonly effectiveDate: string;
  readonly catalogRevision: number;
}

export const ServiceItemRetiredV1 = defineEvent<ServiceItemRetiredV1>({
  type: 'registry.ServiceItemRetired',
  version: 1,
  topic: CATALOG_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'version', 'reason', 'supersededBy', 'effectiveDate', 'catalogRevision'],
    properties: {
      code: { type: 'string', minLength: 1 },
      version: { type: 'integer', minimum: 1 },
      reason: { type: 'string', minLength: 1 },
      supersededBy: { type: 'string', minLength: 1, nullable: true },
      effectiveDate: { type: 'string', format: 'date' },
      catalogRevision: { type: 'integer', minimum: 1 },
    },
  } as unknown as JSONSchemaType<ServiceItemRetiredV1>,
});
