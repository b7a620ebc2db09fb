import { defineEvent } from '@mkt/shared/contracts';
import { PROJECT_TOPIC } from './topics';

/** Publicity ended without an upheld objection: the winners are awarded and must respond by their deadlines. */
export interface ProjectAwardedV1 {
  readonly projectId: string;
  readonly round: number;
  readonly winners: readonly { readonly agencyId: string; readonly respondBy: string }[];
}

export const ProjectAwardedV1 = defineEvent<ProjectAwardedV1>({
  type: 'projects.ProjectAwarded',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'round', 'winners'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      winners: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['agencyId', 'respondBy'], properties: { agencyId: { type: 'string' }, respondBy: { type: 'string', format: 'date-time' } } },
      },
    },
  },
});
