import { schema } from '@mkt/shared/http';

// Response schemas the audit service's controllers declare (`@Responds`).

const checkpointFields = {
  origin: schema.string(),
  size: schema.integer('entries the checkpoint covers'),
  rootHash: schema.hex(),
  note: schema.string('the signed C2SP checkpoint note'),
  createdAt: schema.instant(),
  verifierKey: schema.string('the note verifier key to check its signature with'),
};

export const CHECKPOINT_VIEW = schema.named('CheckpointView', schema.object(checkpointFields));
const latestCheckpoint = schema.nullable(schema.object(checkpointFields, { description: 'the latest checkpoint; null before the first' }));

const entryFields = {
  position: schema.integer('leaf index'),
  eventId: schema.string(),
  type: schema.string(),
  producer: schema.string(),
  aggregateId: schema.string(),
  occurredAt: schema.instant(),
  recordedAt: schema.instant(),
  leafHash: schema.hex(),
  event: schema.any('the event envelope as recorded'),
};
const inclusionProof = schema.nullable(schema.array(schema.hex()));

export const ENTRY_PAGE = schema.object({
  size: schema.integer(),
  from: schema.integer(),
  next: schema.nullable(schema.integer()),
  entries: schema.array(schema.object(entryFields)),
});

export const PROJECT_RECORD = schema.object({
  projectId: schema.string(),
  checkpoint: latestCheckpoint,
  entries: schema.array(schema.object({ ...entryFields, inclusionProof })),
});

export const SELECTION_RECORDS = schema.object({
  checkpoint: latestCheckpoint,
  records: schema.array(
    schema.object({
      projectId: schema.string(),
      title: schema.nullable(schema.string()),
      ownerOrganizationId: schema.nullable(schema.string()),
      serviceItemCode: schema.nullable(schema.string()),
      methods: schema.array(schema.string()),
      entries: schema.array(
        schema.object({
          position: schema.integer(),
          eventId: schema.string(),
          type: schema.string(),
          aggregateId: schema.string(),
          occurredAt: schema.instant(),
          payload: schema.any('the event payload'),
          inclusionProof,
        }),
      ),
    }),
  ),
});

export const LOG_EXPORT = schema.object(
  {
    format: schema.oneOf(['mkt-audit-log/v1']),
    origin: schema.string(),
    entries: schema.array(schema.any('an event envelope as recorded')),
    leafHashes: schema.array(schema.hex()),
    checkpoints: schema.array(schema.string('a signed checkpoint note')),
  },
  { description: 'mkt-audit-log/v1, for tools/verify-log' },
);

export const INCLUSION_PROOF = schema.object({ index: schema.integer(), treeSize: schema.integer(), leafHash: schema.hex(), rootHash: schema.hex(), proof: schema.array(schema.hex()) });
export const CONSISTENCY_PROOF = schema.object({ fromSize: schema.integer(), toSize: schema.integer(), fromRoot: schema.hex(), toRoot: schema.hex(), proof: schema.array(schema.hex()) });

export const FAIRNESS_REPORT = schema.object(
  {
    computedFrom: schema.object({ logSize: schema.integer() }),
    draws: schema.integer('revealed draws analysed'),
    weightedDraws: schema.integer('of those, credit-weighted draws, tested against their committed weights'),
    weightedDrawsLeftOut: schema.integer('credit-weighted draws logged before their weights were published'),
    alpha: schema.number(),
    tests: schema.array(schema.any('a test fixed in advance, with its statistic and p-value')),
    flags: schema.array(schema.any('a test rejected after the correction, with its evidence')),
  },
  { description: 'docs/audit-analytics.md describes every test' },
);

export const COLLUSION_REPORT = schema.object(
  {
    alpha: schema.number(),
    closedRounds: schema.integer(),
    tests: schema.array(schema.any('a test fixed in advance, with its statistic and p-value')),
    flags: schema.array(schema.any('a lead that survives the Holm correction, with its evidence')),
  },
  { description: 'docs/audit-analytics.md describes every test' },
);

export const STATISTICS = schema.object(
  {
    computedFrom: schema.object({ logSize: schema.integer(), entries: schema.integer(), lastPosition: schema.nullable(schema.integer()) }),
    projects: schema.object({ published: schema.integer(), underFreeChoiceThreshold: schema.integer(), thresholdFen: schema.integer() }),
    agencies: schema.object({ registered: schema.integer(), byStatus: schema.map(schema.integer()) }),
    catalog: schema.object({ items: schema.integer(), retiredItems: schema.integer(), categories: schema.array(schema.any('a category with its items')), revisions: schema.array(schema.any('a catalog revision')) }),
  },
  { description: 'monthly draws and rounds, fees and delivery times beside these (docs/audit-analytics.md)' },
);

export const OCDS_PACKAGE = schema.object(
  { uri: schema.string(), publishedDate: schema.instant(), publisher: schema.object({ name: schema.string() }), version: schema.string(), releases: schema.array(schema.any('an OCDS 1.1 release')) },
  { description: 'An OCDS 1.1 release package, checked against the release schema before it is served' },
);
