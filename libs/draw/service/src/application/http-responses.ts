import { schema } from '@mkt/shared/http';

// Response schemas the draw service's controllers declare (`@Responds`).

const commitmentFields = {
  drawId: schema.uuid(),
  projectId: schema.string(),
  round: schema.integer(),
  algorithm: schema.string(),
  rulesVersion: schema.string(),
  k: schema.integer('winners'),
  m: schema.integer('ordered alternates'),
  pool: schema.array(schema.string()),
  poolHash: schema.hex(),
  exclusions: schema.array(schema.object({ agencyId: schema.string(), reason: schema.string() })),
  exclusionsHash: schema.hex(),
  weights: schema.array(schema.object({ id: schema.string(), weight: schema.integer() })),
  weightsHash: schema.hex('SHA-256 of the JCS weights'),
  weightFunction: schema.string('the announced credit weight function'),
  creditThreshold: schema.number('the announced credit threshold'),
  commitment: schema.hex('SHA-256 of the secret'),
  entropyPlan: schema.object({ source: schema.oneOf(['witnesses', 'drand']) }, { description: 'witnesses (with observers) or the drand round' }),
  committedAt: schema.instant(),
};
/** Credit-weighted draws only. */
const weightedOnly = { optional: ['weights', 'weightsHash', 'weightFunction', 'creditThreshold'] };

/** A draw as the public sees it: the commitment first, the entered values, then the full record once revealed. */
export const DRAW_VIEW = schema.named(
  'DrawView',
  schema.object({
    drawId: schema.uuid(),
    projectId: schema.string(),
    round: schema.integer(),
    purpose: schema.oneOf(['SELECTION', 'TIE_BREAK']),
    tieBreak: schema.nullable(schema.object({ biddingId: schema.string(), position: schema.integer() }, { description: 'the bidding round and tied position this draw orders' })),
    status: schema.oneOf(['COMMITTED', 'REVEALED']),
    revealDeadline: schema.instant(),
    overdueAt: schema.nullable(schema.instant()),
    commitment: schema.object(commitmentFields, weightedOnly),
    witnessValues: schema.array(schema.object({ witness: schema.string(), value: schema.string() })),
    record: schema.nullable(
      schema.object({
        ...commitmentFields,
        secret: schema.hex(),
        entropy: schema.object({ source: schema.oneOf(['witnesses', 'drand']) }),
        seed: schema.hex(),
        winners: schema.array(schema.string()),
        alternates: schema.array(schema.string()),
      }, weightedOnly),
    ),
  }),
);

const check = schema.object({ name: schema.string(), ok: schema.boolean(), detail: schema.string() });

export const DRAW_VERIFICATION = schema.object({ ok: schema.boolean(), checks: schema.array(check), firstFailure: schema.nullable(check) });
