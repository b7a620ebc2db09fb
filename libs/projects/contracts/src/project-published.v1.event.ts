import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { SELECTION_METHODS, type SelectionMethodName } from './selection-requested.v1.event';
import { PROJECT_TOPIC } from './topics';

/** A project's announcement: public from this moment, with the rules fixed for the round. */
export interface ProjectPublishedV1 {
  readonly projectId: string;
  readonly round: number;
  readonly ownerOrganizationId: string;
  readonly title: string;
  readonly serviceItemCode: string;
  readonly requiredLevel: number;
  readonly region: string;
  readonly budgetCapFen: number;
  readonly servicePeriodDays: number;
  readonly method: SelectionMethodName;
  /** Null when every eligible agency takes part without signing up. */
  readonly signUpClosesAt: string | null;
}

export const ProjectPublishedV1 = defineEvent<ProjectPublishedV1>({
  type: 'projects.ProjectPublished',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'round', 'ownerOrganizationId', 'title', 'serviceItemCode', 'requiredLevel', 'region', 'budgetCapFen', 'servicePeriodDays', 'method', 'signUpClosesAt'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      ownerOrganizationId: { type: 'string', minLength: 1 },
      title: { type: 'string', minLength: 1 },
      serviceItemCode: { type: 'string', minLength: 1 },
      requiredLevel: { type: 'integer', minimum: 1, maximum: 9 },
      region: { type: 'string' },
      budgetCapFen: { type: 'integer', minimum: 0 },
      servicePeriodDays: { type: 'integer', minimum: 1 },
      method: { type: 'string', enum: [...SELECTION_METHODS] },
      signUpClosesAt: { type: 'string', format: 'date-time', nullable: true },
    },
  } as unknown as JSONSchemaType<ProjectPublishedV1>,
});
