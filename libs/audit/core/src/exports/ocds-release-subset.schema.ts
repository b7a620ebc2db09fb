/**
 * The part of the OCDS 1.1 release package schema this marketplace's releases use: required fields, types,
 * formats and the closed codelists (release tag, initiationType, procurementMethod, tender/award/contract status,
 * party roles), and the tender's amendments, written from the OCDS 1.1 reference (https://standard.open-contracting.org/1.1/en/schema/reference/).
 *
 * It is NOT the official `release-schema.json`: no npm package ships that file (docs/audit-analytics.md says what was
 * tried), and this build reaches no other source. `ocdsSchemaValidator` takes any schema, so the official one
 * (draft-04: Ajv needs the `ajv-draft-04` meta-schema) can replace this one without touching the release builder.
 */
const dateTime = { type: 'string', format: 'date-time' } as const;
const text = { type: 'string', minLength: 1 } as const;
const value = {
  type: 'object',
  required: ['amount', 'currency'],
  properties: { amount: { type: 'number', minimum: 0 }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
} as const;
const period = { type: 'object', properties: { startDate: dateTime, endDate: dateTime } } as const;
// OCDS 1.1 `Amendment` (tender.amendments): no field is required; the deprecated `changes` list is not used.
const amendment = {
  type: 'object',
  properties: { id: text, date: dateTime, rationale: { type: 'string' }, description: { type: 'string' }, amendsReleaseID: text, releaseID: text },
} as const;
const organizationReference = { type: 'object', required: ['id'], properties: { id: text, name: { type: 'string' } } } as const;
const item = {
  type: 'object',
  required: ['id'],
  properties: {
    id: text,
    description: { type: 'string' },
    classification: { type: 'object', required: ['scheme', 'id'], properties: { scheme: text, id: text, description: { type: 'string' } } },
  },
} as const;

export const OCDS_RELEASE_PACKAGE_SUBSET_SCHEMA = {
  $id: 'mkt:ocds-1.1-release-package-subset',
  type: 'object',
  required: ['uri', 'publishedDate', 'releases', 'version', 'publisher'],
  properties: {
    uri: { type: 'string', format: 'uri-reference' },
    version: { const: '1.1' },
    publishedDate: dateTime,
    publisher: { type: 'object', required: ['name'], properties: { name: text, uri: { type: 'string' }, uid: { type: 'string' }, scheme: { type: 'string' } } },
    releases: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['ocid', 'id', 'date', 'tag', 'initiationType'],
        properties: {
          ocid: { type: 'string', pattern: '^ocds-[a-z0-9]{6}-.+$' },
          id: text,
          date: dateTime,
          tag: {
            type: 'array',
            minItems: 1,
            items: { enum: ['planning', 'planningUpdate', 'tender', 'tenderAmendment', 'tenderUpdate', 'tenderCancellation', 'award', 'awardUpdate', 'awardCancellation', 'contract', 'contractUpdate', 'contractAmendment', 'implementation', 'implementationUpdate', 'contractTermination', 'compiled'] },
          },
          initiationType: { const: 'tender' },
          language: { type: 'string' },
          parties: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id'],
              properties: {
                id: text,
                name: { type: 'string' },
                roles: { type: 'array', items: { enum: ['buyer', 'procuringEntity', 'supplier', 'tenderer', 'funder', 'enquirer', 'payer', 'payee', 'reviewBody', 'interestedParty'] } },
              },
            },
          },
          buyer: organizationReference,
          tender: {
            type: 'object',
            required: ['id'],
            properties: {
              id: text,
              title: { type: 'string' },
              status: { enum: ['planning', 'planned', 'active', 'cancelled', 'unsuccessful', 'complete', 'withdrawn'] },
              items: { type: 'array', items: item },
              value,
              procurementMethod: { enum: ['open', 'selective', 'limited', 'direct'] },
              procurementMethodDetails: { type: 'string' },
              awardCriteria: { type: 'string' },
              awardCriteriaDetails: { type: 'string' },
              submissionMethod: { type: 'array', items: { type: 'string' } },
              tenderPeriod: period,
              numberOfTenderers: { type: 'integer', minimum: 0 },
              tenderers: { type: 'array', items: organizationReference },
              amendments: { type: 'array', items: amendment },
            },
          },
          awards: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id'],
              properties: {
                id: text,
                title: { type: 'string' },
                status: { enum: ['pending', 'active', 'cancelled', 'unsuccessful'] },
                date: dateTime,
                value,
                suppliers: { type: 'array', items: organizationReference },
              },
            },
          },
          contracts: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'awardID'],
              properties: {
                id: text,
                awardID: text,
                status: { enum: ['pending', 'active', 'cancelled', 'terminated'] },
                value,
                period,
                dateSigned: dateTime,
              },
            },
          },
        },
      },
    },
  },
} as const;
