import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { PROJECT_TOPIC } from './topics';

/**
 * One announced value the amendment changed. `term` is its path in the project's terms (`budgetCapFen`,
 * `signUp.closesAt`, `selection.winners`, `selection.evaluation.rule`, `selection.observers[0].label`); a value
 * only one side has — another method's parameter, a window's dates — is null on the other.
 */
export interface ProjectTermChangeV1 {
  readonly term: string;
  readonly before: string | number | boolean | null;
  readonly after: string | number | boolean | null;
}

/** A document the amendment announces, downloadable from the public announcement. */
export interface AmendmentDocumentV1 {
  readonly id: string;
  readonly name: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

/**
 * The owner amended a published project (变更公告): public, with its reason. The project's sign-up reopens until the
 * new close. The owner's conflict list is private and never part of it — not its entries, not that it changed — so an
 * amendment that changed only that list says nothing beyond its number and reason.
 */
export interface ProjectAmendedV1 {
  readonly projectId: string;
  readonly round: number;
  readonly ownerOrganizationId: string;
  /** 1, 2, … over the project's life, as the announcement numbers them. */
  readonly amendment: number;
  readonly reason: string;
  readonly amendedAt: string;
  readonly changes: readonly ProjectTermChangeV1[];
  readonly documents: readonly AmendmentDocumentV1[];
}

const termValue = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }] };

export const ProjectAmendedV1 = defineEvent<ProjectAmendedV1>({
  type: 'projects.ProjectAmended',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'round', 'ownerOrganizationId', 'amendment', 'reason', 'amendedAt', 'changes', 'documents'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      ownerOrganizationId: { type: 'string', minLength: 1 },
      amendment: { type: 'integer', minimum: 1 },
      reason: { type: 'string', minLength: 1 },
      amendedAt: { type: 'string', format: 'date-time' },
      changes: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['term', 'before', 'after'],
          // The private list has no path here: a producer that let it through is refused, not published.
          properties: { term: { type: 'string', minLength: 1, not: { type: 'string', pattern: '^conflicts\\b' } }, before: termValue, after: termValue },
        },
      },
      documents: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'name', 'mediaType', 'sizeBytes', 'sha256'],
          properties: {
            id: { type: 'string', minLength: 1 },
            name: { type: 'string', minLength: 1 },
            mediaType: { type: 'string', minLength: 1 },
            sizeBytes: { type: 'integer', minimum: 0 },
            sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          },
        },
      },
    },
    // Ajv's schema type cannot express a value that is one of several primitives; the runtime check is what counts.
  } as unknown as JSONSchemaType<ProjectAmendedV1>,
});
