import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { CATALOG_TOPIC } from './topics';

/** The full published standard of a service item, on publication and on every new version. */
export interface ServiceItemPublishedV1 {
  readonly code: string;
  readonly categoryCode: string;
  readonly categoryNameZhCN: string;
  readonly categoryNameEn: string;
  readonly nameZhCN: string;
  readonly nameEn: string;
  readonly contentZhCN: string;
  readonly contentEn: string;
  readonly legalBasis: string;
  readonly timeLimitWorkingDays: number;
  /** Parallel lists: step i is processStepsZhCN[i] / processStepsEn[i]. */
  readonly processStepsZhCN: readonly string[];
  readonly processStepsEn: readonly string[];
  readonly feeBasisZhCN: string;
  readonly feeBasisEn: string;
  /** In fen (1/100 yuan); null when the fee is computed per project from the fee basis. */
  readonly standardFeeFen: number | null;
  readonly qualificationType: string;
  /** 1 is the highest grade; agencies qualify at this level or better. */
  readonly minimumLevel: number;
  /** The item's version: 1 on publication, higher on each change; consumers keep the highest. */
  readonly version: number;
  readonly reason: string;
  readonly effectiveDate: string;
  /** The catalog revision this change produced. */
  readonly catalogRevision: number;
}

const text = { type: 'string', minLength: 1 } as const;
const texts = { type: 'array', minItems: 1, items: text } as const;

export const ServiceItemPublishedV1 = defineEvent<ServiceItemPublishedV1>({
  type: 'registry.ServiceItemPublished',
  version: 1,
  topic: CATALOG_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'code', 'categoryCode', 'categoryNameZhCN', 'categoryNameEn', 'nameZhCN', 'nameEn', 'contentZhCN', 'contentEn', 'legalBasis',
      'timeLimitWorkingDays', 'processStepsZhCN', 'processStepsEn', 'feeBasisZhCN', 'feeBasisEn', 'standardFeeFen', 'qualificationType',
      'minimumLevel', 'version', 'reason', 'effectiveDate', 'catalogRevision',
    ],
    properties: {
      code: text,
      categoryCode: text,
      categoryNameZhCN: text,
      categoryNameEn: text,
      nameZhCN: text,
      nameEn: text,
      contentZhCN: text,
      contentEn: text,
      legalBasis: text,
      timeLimitWorkingDays: { type: 'integer', minimum: 1 },
      processStepsZhCN: texts,
      processStepsEn: texts,
      feeBasisZhCN: text,
      feeBasisEn: text,
      standardFeeFen: { type: 'integer', minimum: 0, nullable: true },
      qualificationType: text,
      minimumLevel: { type: 'integer', minimum: 1, maximum: 9 },
      version: { type: 'integer', minimum: 1 },
      reason: { type: 'string' },
      effectiveDate: { type: 'string', format: 'date' },
      catalogRevision: { type: 'integer', minimum: 1 },
    },
    // Ajv's schema type cannot express required-but-nullable fields; the runtime check is what counts.
  } as unknown as JSONSchemaType<ServiceItemPublishedV1>,
});
