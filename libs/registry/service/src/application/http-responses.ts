import { schema } from '@mkt/shared/http';

// Response schemas the registry's controllers declare (`@Responds`); shapes shared by several routes are named.

const AGENCY_STATUSES = ['PENDING', 'ACTIVE', 'SUSPENDED', 'BLACKLISTED', 'WITHDRAWN'];
const REGISTRATION_STATUSES = ['SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED'];
const bilingual = schema.object({ zhCN: schema.string(), en: schema.string() });

const catalogChange = {
  kind: schema.oneOf(['ADDED', 'CHANGED', 'RETIRED', 'MERGED']),
  itemCodes: schema.array(schema.string()),
  survivingCode: schema.nullable(schema.string()),
  reason: schema.string(),
  effectiveDate: schema.date(),
  version: schema.integer('the catalog revision after this change'),
};

export const CATALOG_CHANGE = schema.named('CatalogChangeView', schema.object(catalogChange));
export const CATALOG_CHANGE_RECORDED = schema.object({ ...catalogChange, recordedAt: schema.instant() });

export const SERVICE_ITEM_STANDARD = schema.named(
  'ServiceItemStandardView',
  schema.object({
    code: schema.string(),
    categoryCode: schema.string(),
    name: bilingual,
    content: bilingual,
    legalBasis: schema.string(),
    timeLimitWorkingDays: schema.integer(),
    processSteps: schema.array(bilingual),
    feeBasis: bilingual,
    standardFeeFen: schema.nullable(schema.integer()),
    qualificationType: schema.string(),
    minimumLevel: schema.integer(),
    status: schema.oneOf(['ACTIVE', 'RETIRED']),
    version: schema.integer(),
    retiredReason: schema.nullable(schema.string()),
    supersededBy: schema.nullable(schema.string()),
  }),
);

export const CREDIT_ENTRY = schema.named(
  'CreditEntryView',
  schema.object({
    agencyId: schema.uuid(),
    sequence: schema.integer(),
    cause: schema.string(),
    projectId: schema.nullable(schema.string()),
    sourceId: schema.string(),
    points: schema.number(),
    delta: schema.number(),
    scoreAfter: schema.number(),
    detail: schema.string(),
    formulaVersion: schema.string(),
    recordedAt: schema.instant(),
  }),
);

const qualification = schema.object(
  {
    id: schema.string(),
    serviceItemCode: schema.string(),
    level: schema.integer(),
    validFrom: schema.date(),
    validUntil: schema.date(),
    certificateNumber: schema.nullable(schema.string()),
    expiredAt: schema.nullable(schema.instant()),
  },
  { optional: ['certificateNumber', 'expiredAt'] },
);

const certificate = schema.object({
  qualificationType: schema.string(),
  level: schema.integer(),
  certificateNumber: schema.string(),
  issuer: schema.string(),
  validFrom: schema.date(),
  validUntil: schema.date(),
  scanId: schema.nullable(schema.string()),
});

const sanction = schema.object({
  id: schema.string(),
  kind: schema.oneOf(['SUSPENSION', 'BLACKLIST']),
  reason: schema.string(),
  startsAt: schema.instant(),
  endsAt: schema.instant(),
  imposedAt: schema.instant(),
  liftedAt: schema.nullable(schema.instant()),
  liftReason: schema.nullable(schema.string()),
});

export const AGENCY_RECORD = schema.object({
  id: schema.uuid(),
  name: schema.string(),
  creditCode: schema.string(),
  region: schema.string(),
  status: schema.oneOf(AGENCY_STATUSES),
  statusSequence: schema.integer(),
  qualifications: schema.array(qualification),
  sanctions: schema.array(sanction),
  serviceItems: schema.array(schema.string()),
  serviceItemsSequence: schema.integer(),
  certificates: schema.array(certificate),
  legalRepresentative: schema.nullable(schema.string()),
  contacts: schema.array(schema.object({ name: schema.string(), phone: schema.string() })),
  version: schema.integer(),
});

export const PUBLIC_PROFILE = schema.object({
  id: schema.uuid(),
  name: schema.string(),
  region: schema.string(),
  status: schema.oneOf(AGENCY_STATUSES),
  serviceItems: schema.array(schema.string()),
  qualifications: schema.array(
    schema.object({
      serviceItemCode: schema.string(),
      level: schema.integer(),
      validFrom: schema.date(),
      validUntil: schema.date(),
      current: schema.boolean(),
      expiredAt: schema.nullable(schema.instant()),
    }),
  ),
  certificates: schema.array(
    schema.object({
      qualificationType: schema.string(),
      level: schema.integer(),
      certificateNumber: schema.string(),
      issuer: schema.string(),
      validFrom: schema.date(),
      validUntil: schema.date(),
      current: schema.boolean(),
    }),
  ),
  sanctionsInForce: schema.array(schema.object({ kind: schema.oneOf(['SUSPENSION', 'BLACKLIST']), reason: schema.string(), startsAt: schema.instant(), endsAt: schema.instant() })),
  record: schema.object({
    wins: schema.integer(),
    declined: schema.integer(),
    completed: schema.integer(),
    evaluations: schema.integer(),
    averageQuality: schema.nullable(schema.number()),
  }),
  credit: schema.object({
    score: schema.number(),
    formulaVersion: schema.string(),
    recentEntries: schema.array(
      schema.object({
        sequence: schema.integer(),
        cause: schema.string(),
        projectId: schema.nullable(schema.string()),
        points: schema.number(),
        delta: schema.number(),
        scoreAfter: schema.number(),
        recordedAt: schema.instant(),
      }),
    ),
  }),
});

export const DIRECTORY_ENTRY = schema.object({
  id: schema.uuid(),
  name: schema.string(),
  region: schema.string(),
  status: schema.oneOf(AGENCY_STATUSES),
  serviceItems: schema.array(schema.string()),
  creditScore: schema.number(),
  qualifications: schema.array(schema.object({ serviceItemCode: schema.string(), level: schema.integer(), validUntil: schema.date(), current: schema.boolean() })),
});

export const CREDIT_RECORD = schema.object({
  agencyId: schema.uuid(),
  score: schema.number(),
  formula: schema.any('the published credit formula: version, start, bounds and points per cause (docs/credit-score.md)'),
  entries: schema.array(CREDIT_ENTRY),
  recomputed: schema.object({ consistent: schema.boolean(), firstInconsistentSequence: schema.nullable(schema.integer()) }),
});

export const REGISTRATION_SUMMARY = schema.object({
  id: schema.uuid(),
  agencyId: schema.uuid(),
  status: schema.oneOf(REGISTRATION_STATUSES),
  revision: schema.integer(),
  name: schema.string(),
  creditCode: schema.string(),
  submittedAt: schema.instant(),
  updatedAt: schema.instant(),
});

export const REGISTRATION = schema.object({
  id: schema.uuid(),
  agencyId: schema.uuid(),
  status: schema.oneOf(REGISTRATION_STATUSES),
  revision: schema.integer(),
  submittedAt: schema.instant(),
  updatedAt: schema.instant(),
  content: schema.any('the application as the firm submitted it (RegistrationRequestDto)'),
  history: schema.array(schema.any('a step: action, actor, note, at')),
  revisions: schema.array(schema.object({ revision: schema.integer(), content: schema.any('that revision of the application') })),
});

export const REGISTRATION_STEP = schema.object({ id: schema.uuid(), status: schema.oneOf(REGISTRATION_STATUSES), revision: schema.integer() }, { description: 'the application after the step' });
