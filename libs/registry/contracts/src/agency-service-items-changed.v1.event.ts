import { defineEvent } from '@mkt/shared/contracts';
import { AGENCY_TOPIC } from './topics';

/**
 * The catalog items a firm offers, in full, after a change. Keep the list of the highest `sequence`. An item
 * added here that needed a new qualification comes with its own `AgencyQualificationGranted` first; an item
 * removed means the firm no longer wants to be selected for it, though its qualification still stands.
 */
export interface AgencyServiceItemsChangedV1 {
  readonly agencyId: string;
  readonly serviceItems: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly sequence: number;
}

export const AgencyServiceItemsChangedV1 = defineEvent<AgencyServiceItemsChangedV1>({
  type: 'registry.AgencyServiceItemsChanged',
  version: 1,
  topic: AGENCY_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agencyId', 'serviceItems', 'added', 'removed', 'sequence'],
    properties: {
      agencyId: { type: 'string', minLength: 1 },
      serviceItems: { type: 'array', items: { type: 'string', minLength: 1 } },
      added: { type: 'array', items: { type: 'string', minLength: 1 } },
      removed: { type: 'array', items: { type: 'string', minLength: 1 } },
      sequence: { type: 'integer', minimum: 1 },
    },
  },
});
