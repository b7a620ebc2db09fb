import { defineEvent } from '@mkt/shared/contracts';
import { PROJECT_TOPIC } from './topics';

/** The owner withdrew a published project, before selection or after a failed round, with the reason. Public. */
export interface ProjectCancelledV1 {
  readonly projectId: string;
  /** The round the cancellation ends. */
  readonly round: number;
  readonly ownerOrganizationId: string;
  /** Where the project stood: open for sign-up (PUBLISHED) or after a failed round (FAILED). */
  readonly from: 'PUBLISHED' | 'FAILED';
  readonly reason: string;
  readonly cancelledAt: string;
}

export const ProjectCancelledV1 = defineEvent<ProjectCancelledV1>({
  type: 'projects.ProjectCancelled',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'round', 'ownerOrganizationId', 'from', 'reason', 'cancelledAt'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      ownerOrganizationId: { type: 'string', minLength: 1 },
      from: { type: 'string', enum: ['PUBLISHED', 'FAILED'] },
      reason: { type: 'string', minLength: 1 },
      cancelledAt: { type: 'string', format: 'date-time' },
    },
  },
});
