import { ENTROPY_SOURCES, PROJECT_TRANSITIONS, SELECTION_METHODS, TERM_FIELDS } from '@mkt/projects/core';
import { schema } from '@mkt/shared/http';

// Response schemas the projects service's controllers declare (`@Responds`).

const STATUSES = Object.keys(PROJECT_TRANSITIONS);
const nullableInstant = () => schema.nullable(schema.instant());

/** Every command answers where the project now stands. */
export const PROJECT_CHANGE = schema.named('ProjectChangeView', schema.object({ id: schema.uuid(), status: schema.oneOf(STATUSES), round: schema.integer() }));

const signUpRule = schema.object({ mode: schema.oneOf(['WINDOW', 'ALL_ELIGIBLE']), opensAt: schema.instant(), closesAt: schema.instant() }, { optional: ['opensAt', 'closesAt'] });
const quote = schema.nullable(schema.object({ form: schema.oneOf(['AMOUNT', 'DISCOUNT_RATE']), amountFen: schema.integer(), rate: schema.number() }, { optional: ['amountFen', 'rate'] }));
const candidate = schema.object({ agencyId: schema.string(), quote });
const selection = schema.nullable(
  schema.object({
    round: schema.integer(),
    source: schema.object({ kind: schema.oneOf(['DRAW', 'BIDDING', 'DIRECT']) }),
    winners: schema.array(candidate),
    succession: schema.array(candidate),
    recordedAt: schema.instant(),
    publicityEndsAt: schema.instant(),
  }),
);
const attachment = schema.object({
  id: schema.uuid(),
  name: schema.string(),
  mediaType: schema.string(),
  sizeBytes: schema.integer(),
  sha256: schema.hex(),
  addedAt: schema.instant(),
  amendment: schema.nullable(schema.integer()),
});
const failure = schema.nullable(schema.object({ round: schema.integer(), reason: schema.string(), at: schema.instant() }));

// A nullable enum lists null among its values too (OpenAPI 3.0.3, and so Ajv).
const entropySource = { type: 'string', enum: [...ENTROPY_SOURCES, null], nullable: true, description: "a draw's entropy source; null for bidding and direct selection" };
const creditRule = schema.nullable(
  schema.object({ minimumCreditScore: schema.number(), weightFunction: schema.string() }, { description: 'a credit-weighted draw: firms below the threshold drop out, the rest are weighted by the published function; null for other methods' }),
);

export const ANNOUNCEMENT = schema.object({
  id: schema.uuid(),
  status: schema.oneOf(STATUSES),
  round: schema.integer(),
  title: schema.string(),
  serviceItemCode: schema.string(),
  serviceItem: schema.any('the catalog standard the posting names (name, time limit, minimum level, version), or null'),
  region: schema.string(),
  budgetCapFen: schema.integer(),
  requiredLevel: schema.integer(),
  servicePeriodDays: schema.integer(),
  method: schema.oneOf(SELECTION_METHODS),
  entropySource,
  creditRule,
  signUp: signUpRule,
  attachments: schema.array(attachment),
  publishedAt: nullableInstant(),
  selection,
  failure,
  // Recorded amendments (变更公告), oldest first; the private conflict list is never named among the changed terms.
  amendments: schema.array(
    schema.object({ amendment: schema.integer(), at: schema.instant(), reason: schema.string(), changedFields: schema.array(schema.oneOf(TERM_FIELDS.filter((f) => f !== 'conflicts'))) }),
  ),
});

const seat = schema.object({
  agencyId: schema.string(),
  quote,
  respondBy: schema.instant(),
  acceptedAt: nullableInstant(),
  contract: schema.nullable(schema.object({ amountFen: schema.integer(), startDate: schema.date(), dueDate: schema.date(), recordedAt: schema.instant() })),
  completion: schema.nullable(
    schema.object({ completionDate: schema.date(), daysTaken: schema.integer(), daysLate: schema.integer(), onTime: schema.boolean(), recordedAt: schema.instant() }),
  ),
  evaluation: schema.nullable(schema.object({ quality: schema.integer(), feeCompliant: schema.boolean(), comment: schema.string(), at: schema.instant() })),
});

export const PROJECT_DETAIL = schema.object({
  id: schema.uuid(),
  ownerId: schema.string(),
  status: schema.oneOf(STATUSES),
  round: schema.integer(),
  terms: schema.object({
    title: schema.string(),
    serviceItemCode: schema.string(),
    description: schema.string(),
    budgetCapFen: schema.integer(),
    requiredLevel: schema.integer(),
    region: schema.string(),
    servicePeriodDays: schema.integer(),
    selection: schema.object({ method: schema.oneOf(SELECTION_METHODS) }, { description: "the method's parameters beside it" }),
    signUp: signUpRule,
    conflicts: schema.array(schema.object({ agencyId: schema.string(), reason: schema.string() })),
  }),
  policy: schema.any('the rules in force when the project was drafted (publicity days, thresholds)'),
  draftedAt: schema.instant(),
  publishedAt: nullableInstant(),
  amendments: schema.integer(),
  attachments: schema.array(attachment),
  awaitingAmendment: schema.array(schema.object({ id: schema.uuid(), name: schema.string(), mediaType: schema.string(), sizeBytes: schema.integer(), sha256: schema.hex(), uploadedAt: schema.instant() })),
  signUps: schema.array(schema.object({ agencyId: schema.string(), at: schema.instant() })),
  exclusions: schema.array(schema.object({ agencyId: schema.string(), reason: schema.string(), objectionId: schema.string() })),
  selection,
  objections: schema.array(
    schema.object({
      id: schema.string(),
      round: schema.integer(),
      agencyId: schema.string(),
      grounds: schema.string(),
      filedAt: schema.instant(),
      status: schema.oneOf(['PENDING', 'UPHELD', 'DISMISSED', 'MOOT']),
      ruling: schema.nullable(schema.object({ reason: schema.string(), at: schema.instant() })),
    }),
  ),
  awardedAt: nullableInstant(),
  seats: schema.array(seat),
  successors: schema.array(candidate),
  declines: schema.array(schema.object({ round: schema.integer(), agencyId: schema.string(), cause: schema.oneOf(['DECLINED', 'NO_RESPONSE']), at: schema.instant() })),
  failure,
  cancellation: schema.nullable(schema.object({ from: schema.oneOf(STATUSES), reason: schema.string(), at: schema.instant() })),
  version: schema.integer(),
  history: schema.array(schema.object({ seq: schema.integer(), kind: schema.string(), at: schema.instant(), event: schema.any('the recorded project event') })),
});

export const CATALOG_ITEM = schema.object({
  code: schema.string(),
  categoryCode: schema.string(),
  nameZhCN: schema.string(),
  nameEn: schema.string(),
  timeLimitWorkingDays: schema.integer(),
  minimumLevel: schema.integer(),
  standardFeeFen: schema.nullable(schema.integer()),
  qualificationType: schema.string(),
  version: schema.integer(),
  retired: schema.boolean(),
  supersededBy: schema.nullable(schema.string()),
});

export const UPLOADED_ATTACHMENT = schema.object({
  id: schema.uuid(),
  projectId: schema.uuid(),
  name: schema.string(),
  mediaType: schema.string(),
  sizeBytes: schema.integer(),
  sha256: schema.hex(),
  uploadedAt: schema.instant(),
  status: schema.oneOf(['ATTACHED', 'AWAITING_AMENDMENT']),
});

const page = (item: Record<string, unknown>, extra: Record<string, Record<string, unknown>> = {}) =>
  schema.object({ offset: schema.integer(), limit: schema.integer(), total: schema.integer(), ...extra, items: schema.array(item) });

export const OWN_PROJECTS = page(
  schema.object({
    id: schema.uuid(),
    title: schema.string(),
    serviceItemCode: schema.string(),
    method: schema.oneOf(SELECTION_METHODS),
    entropySource,
    status: schema.oneOf(STATUSES),
    round: schema.integer(),
    budgetCapFen: schema.integer(),
    region: schema.string(),
    draftedAt: schema.instant(),
    publishedAt: nullableInstant(),
    updatedAt: schema.instant(),
    signUpCount: schema.integer(),
    pendingObjections: schema.integer(),
    nextAction: schema.nullable(
      schema.object({
        kind: schema.oneOf([
          'PUBLISH', 'AWAIT_SIGN_UP_CLOSE', 'REQUEST_SELECTION', 'SELECT_DIRECTLY', 'AWAIT_BIDS', 'AWAIT_WITNESSES', 'AWAIT_BEACON', 'AWAIT_PUBLICITY_END',
          'AWAIT_OBJECTION_RULING', 'AWAIT_WINNER_RESPONSE', 'RECORD_CONTRACT', 'RECORD_COMPLETION', 'EVALUATE', 'REPOST_OR_CANCEL',
        ]),
        by: schema.oneOf(['OWNER', 'AGENCY', 'SUPERVISOR', 'MARKETPLACE']),
        due: schema.nullable(schema.string('an instant, or a calendar date for a service due date')),
      }),
    ),
  }),
  { countsByStatus: schema.map(schema.integer(), 'projects of the organisation by status, whatever the filter') },
);

export const OWN_SIGN_UPS = page(
  schema.object({
    projectId: schema.uuid(),
    title: schema.string(),
    serviceItemCode: schema.string(),
    method: schema.oneOf(SELECTION_METHODS),
    entropySource,
    projectStatus: schema.oneOf(STATUSES),
    projectRound: schema.integer(),
    signUpRule,
    signUp: schema.object({ round: schema.integer(), signedUpAt: schema.instant(), withdrawnAt: nullableInstant() }),
    outcome: schema.oneOf(['PENDING', 'SELECTED', 'ALTERNATE', 'NOT_SELECTED', 'DROPPED', 'WITHDRAWN']),
    selected: schema.boolean(),
    award: schema.nullable(schema.object({ respondBy: schema.instant(), acceptedAt: nullableInstant() })),
    publicityEndsAt: nullableInstant(),
  }),
);
