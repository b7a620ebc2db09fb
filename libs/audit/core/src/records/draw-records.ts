import { loggedEventOf, num, records, text, texts, type LoggedEvent } from './logged-event';

/**
 * A draw record in the published form of docs/draw-protocol.md (§2–§8): what the draw core's `verifyDraw`, the CLI
 * `tools/verify-draw` and the web verifier take. Written out here because the audit core may not import the draw
 * core; the protocol document is the contract both follow.
 */
export interface PublishedDrawRecord {
  readonly drawId: string;
  readonly projectId: string;
  readonly round: number;
  readonly algorithm: string;
  readonly rulesVersion: string;
  readonly k: number;
  readonly m: number;
  readonly pool: readonly string[];
  readonly poolHash: string;
  readonly weights?: readonly { readonly id: string; readonly weight: number }[];
  readonly weightsHash?: string;
  readonly weightFunction?: string;
  readonly creditThreshold?: number;
  readonly exclusions: readonly { readonly agencyId: string; readonly reason: string }[];
  readonly exclusionsHash: string;
  readonly commitment: string;
  readonly entropyPlan:
    | { readonly source: 'witnesses'; readonly witnesses: readonly string[]; readonly observers?: readonly { readonly userId: string; readonly label: string }[] }
    | { readonly source: 'drand'; readonly chainHash: string; readonly round: number };
  readonly committedAt: string;
  readonly secret: string;
  readonly entropy:
    | { readonly source: 'witnesses'; readonly values: readonly { readonly witness: string; readonly value: string }[] }
    | { readonly source: 'drand'; readonly chainHash: string; readonly round: number; readonly signature: string; readonly randomness: string };
  readonly seed: string;
  readonly winners: readonly string[];
  readonly alternates: readonly string[];
}

/** One draw as the log tells it: the record rebuilt from its entries, and whatever in the log does not add up. */
export interface AuditedDraw {
  readonly drawId: string;
  readonly projectId: string | null;
  readonly round: number | null;
  /** `SELECTION` or `TIE_BREAK`, as the commitment says. */
  readonly purpose: string | null;
  /** Log positions of the entries the record comes from. */
  readonly positions: { readonly committed: number | null; readonly contributed: readonly number[]; readonly revealed: number | null };
  /** Null until the draw is revealed, or when its entries cannot make a record (`problems` says why). */
  readonly record: PublishedDrawRecord | null;
  /**
   * What the log itself contradicts, each a sentence: entries out of the protocol's order (entropy or a reveal
   * before the commitment), a reveal whose witness values are not those contributed, a weighted draw logged without
   * its weights. The draw verifier checks the record's hashes, seed and result; these are what only the log shows.
   */
  readonly problems: readonly string[];
}

/** The event types a draw's record is rebuilt from. */
export const DRAW_RECORD_EVENT_TYPES = ['draw.DrawCommitted', 'draw.EntropyContributed', 'draw.DrawRevealed'] as const;

// The algorithm id names every step (docs/draw-protocol.md §7); this last step draws by the committed weights.
const WEIGHTED_LAST_STEP = 'weighted-sequential-cumulative';

interface DrawEntries {
  committed: LoggedEvent[];
  contributed: LoggedEvent[];
  revealed: LoggedEvent[];
  first: number;
}

/**
 * Rebuilds every draw in a run of audit-log entries (any order; read in log position order) from its
 * `draw.DrawCommitted`, `draw.EntropyContributed` and `draw.DrawRevealed` entries alone — anyone holding an export of
 * the log can re-check each draw with the draw verifier, without asking the draw service. Draws come in the order
 * their first entry appears; an entry recorded twice (same event id) counts once.
 */
export function drawRecordsOf(events: readonly LoggedEvent[]): AuditedDraw[] {
  const byDraw = new Map<string, DrawEntries>();
  const seen = new Set<string>();
  for (const event of [...events].sort((a, b) => a.position - b.position)) {
    if (!(DRAW_RECORD_EVENT_TYPES as readonly string[]).includes(event.type)) continue;
    if (event.eventId && seen.has(event.eventId)) continue;
    seen.add(event.eventId);
    const drawId = text(event.payload, 'drawId');
    if (!drawId) continue;
    const entries = byDraw.get(drawId) ?? { committed: [], contributed: [], revealed: [], first: event.position };
    if (event.type === 'draw.DrawCommitted') entries.committed.push(event);
    else if (event.type === 'draw.EntropyContributed') entries.contributed.push(event);
    else entries.revealed.push(event);
    byDraw.set(drawId, entries);
  }
  return [...byDraw].sort(([, a], [, b]) => a.first - b.first).map(([drawId, entries]) => auditedDraw(drawId, entries));
}

function auditedDraw(drawId: string, { committed, contributed, revealed }: DrawEntries): AuditedDraw {
  const problems: string[] = [];
  const commitEntry = committed[0] ?? null;
  const revealEntry = revealed[0] ?? null;
  if (committed.length > 1) problems.push(`the log holds ${committed.length} different commitments for this draw (positions ${committed.map((e) => e.position).join(', ')})`);
  if (revealed.length > 1) problems.push(`the log holds ${revealed.length} different reveals for this draw (positions ${revealed.map((e) => e.position).join(', ')})`);
  const c = commitEntry?.payload ?? {};
  const positions = { committed: commitEntry?.position ?? null, contributed: contributed.map((e) => e.position), revealed: revealEntry?.position ?? null };
  const identity = { drawId, projectId: text(c, 'projectId') ?? text(revealEntry?.payload ?? {}, 'projectId'), round: num(c, 'round') ?? num(revealEntry?.payload ?? {}, 'round'), purpose: text(c, 'purpose') };

  if (!commitEntry) {
    problems.push('entropy or a reveal is logged with no commitment before it: nothing shows the draw was fixed before its entropy');
    return { ...identity, positions, record: null, problems };
  }
  // Step 2 before step 3: the commitment is public before any entropy exists (docs/draw-protocol.md §2).
  const early = contributed.filter((e) => e.position < commitEntry.position).map((e) => e.position);
  if (early.length > 0) problems.push(`entropy was logged before the commitment (positions ${early.join(', ')}, commitment at ${commitEntry.position})`);
  if (revealEntry && revealEntry.position < commitEntry.position) problems.push(`the reveal (position ${revealEntry.position}) is logged before the commitment (position ${commitEntry.position})`);
  const late = revealEntry ? contributed.filter((e) => e.position > revealEntry.position).map((e) => e.position) : [];
  if (late.length > 0) problems.push(`entropy was logged after the reveal (positions ${late.join(', ')})`);
  for (const e of contributed) {
    if (text(e.payload, 'projectId') !== identity.projectId || num(e.payload, 'round') !== identity.round) problems.push(`the entropy at position ${e.position} names another project or round than the commitment`);
  }

  const commitment = commitmentOf(c);
  if (typeof commitment === 'string') return { ...identity, positions, record: null, problems: [...problems, commitment] };
  if (!revealEntry) return { ...identity, positions, record: null, problems };

  const r = revealEntry.payload;
  if (text(r, 'projectId') !== commitment.projectId || num(r, 'round') !== commitment.round) problems.push('the reveal names another project or round than the commitment');
  const reveal = revealOf(r, commitment.entropyPlan);
  if (typeof reveal === 'string') return { ...identity, positions, record: null, problems: [...problems, reveal] };
  if (reveal.entropy.source === 'witnesses') {
    const logged = contributed.map((e) => ({ witness: text(e.payload, 'witness'), value: text(e.payload, 'value') }));
    if (JSON.stringify(logged) !== JSON.stringify(reveal.entropy.values)) {
      problems.push('the witness values the reveal used are not the values contributed in the log, in the order they were logged');
    }
  } else if (contributed.length > 0) {
    problems.push('witness values were logged for a drand draw');
  }
  return { ...identity, positions, record: { ...commitment, ...reveal }, problems };
}

type Commitment = Omit<PublishedDrawRecord, 'secret' | 'entropy' | 'seed' | 'winners' | 'alternates'>;

/** The commitment's fields as the record names them, or what is missing from the entry. */
function commitmentOf(c: Readonly<Record<string, unknown>>): Commitment | string {
  const fields = {
    projectId: text(c, 'projectId'),
    round: num(c, 'round'),
    algorithm: text(c, 'algorithm'),
    rulesVersion: text(c, 'rulesVersion'),
    k: num(c, 'k'),
    m: num(c, 'm'),
    poolHash: text(c, 'poolHash'),
    exclusionsHash: text(c, 'exclusionsHash'),
    commitment: text(c, 'commitment'),
    committedAt: text(c, 'committedAt'),
  };
  const missing = Object.entries(fields).filter(([, v]) => v === null).map(([k]) => k);
  if (!Array.isArray(c['pool'])) missing.push('pool');
  if (!Array.isArray(c['exclusions'])) missing.push('exclusions');
  const source = text(c, 'entropySource');
  if (source !== 'witnesses' && source !== 'drand') missing.push('entropySource');
  if (missing.length > 0) return `the commitment entry lacks ${missing.join(', ')}`;
  const f = fields as { [K in keyof typeof fields]: NonNullable<(typeof fields)[K]> };

  const observers = records(c, 'observers').map((o) => ({ userId: String(o['userId'] ?? ''), label: String(o['label'] ?? '') }));
  const entropyPlan: Commitment['entropyPlan'] =
    source === 'drand'
      ? { source: 'drand', chainHash: text(c, 'drandChainHash') ?? '', round: num(c, 'drandRound') ?? 0 }
      : { source: 'witnesses', witnesses: texts(c, 'witnesses'), ...(Array.isArray(c['observers']) ? { observers } : {}) };
  const weighted = f.algorithm.split(';').at(-1) === WEIGHTED_LAST_STEP;
  const weights = Array.isArray(c['weights']) ? records(c, 'weights').map((w) => ({ id: String(w['id'] ?? ''), weight: Number(w['weight']) })) : null;
  if (weighted && weights === null) {
    return 'the commitment carries no weights (logged before draw.DrawCommitted published them): the log alone cannot re-verify this credit-weighted draw';
  }
  const weightFunction = text(c, 'weightFunction');
  const creditThreshold = num(c, 'creditThreshold');
  return {
    drawId: text(c, 'drawId') as string,
    projectId: f.projectId,
    round: f.round,
    algorithm: f.algorithm,
    rulesVersion: f.rulesVersion,
    k: f.k,
    m: f.m,
    pool: texts(c, 'pool'),
    poolHash: f.poolHash,
    ...(weights ? { weights, weightsHash: text(c, 'weightsHash') ?? '' } : {}),
    ...(weightFunction !== null ? { weightFunction } : {}),
    ...(creditThreshold !== null ? { creditThreshold } : {}),
    exclusions: records(c, 'exclusions').map((e) => ({ agencyId: String(e['agencyId'] ?? ''), reason: String(e['reason'] ?? '') })),
    exclusionsHash: f.exclusionsHash,
    commitment: f.commitment,
    entropyPlan,
    committedAt: f.committedAt,
  };
}

/** The reveal's fields as the record names them; a drand beacon takes its chain from the commitment's plan. */
function revealOf(r: Readonly<Record<string, unknown>>, plan: Commitment['entropyPlan']): Pick<PublishedDrawRecord, 'secret' | 'entropy' | 'seed' | 'winners' | 'alternates'> | string {
  const secret = text(r, 'secret');
  const seed = text(r, 'seed');
  const source = text(r, 'entropySource');
  const missing = [secret === null && 'secret', seed === null && 'seed', !Array.isArray(r['winners']) && 'winners', !Array.isArray(r['alternates']) && 'alternates'].filter(Boolean);
  if (source !== 'witnesses' && source !== 'drand') missing.push('entropySource');
  if (missing.length > 0) return `the reveal entry lacks ${missing.join(', ')}`;
  const entropy: PublishedDrawRecord['entropy'] =
    source === 'drand'
      ? {
          source: 'drand',
          chainHash: plan.source === 'drand' ? plan.chainHash : '',
          round: num(r, 'drandRound') ?? 0,
          signature: text(r, 'drandSignature') ?? '',
          randomness: text(r, 'drandRandomness') ?? '',
        }
      : { source: 'witnesses', values: records(r, 'witnessValues').map((v) => ({ witness: String(v['witness'] ?? ''), value: String(v['value'] ?? '') })) };
  return { secret: secret as string, entropy, seed: seed as string, winners: texts(r, 'winners'), alternates: texts(r, 'alternates') };
}

/**
 * The entries of an audit document as logged events, whichever of the log's own forms it is: a log export
 * (`mkt-audit-log/v1`: envelopes, position = index), a project record (`{ entries: [{ position, event }] }`), selection
 * records (`{ records: [{ entries: [{ position, eventId, type, payload, … }] }] }`), or a bare list of any of those
 * entries. Null when it is none of them.
 */
export function loggedEventsIn(document: unknown): LoggedEvent[] | null {
  const list = Array.isArray(document)
    ? document
    : isObject(document) && Array.isArray(document['entries'])
      ? document['entries']
      : isObject(document) && Array.isArray(document['records'])
        ? document['records'].flatMap((r) => (isObject(r) && Array.isArray(r['entries']) ? r['entries'] : []))
        : null;
  if (list === null) return null;
  const events: LoggedEvent[] = [];
  for (const [index, entry] of list.entries()) {
    if (!isObject(entry)) return null;
    const position = typeof entry['position'] === 'number' ? entry['position'] : index;
    if (isObject(entry['event'])) events.push(loggedEventOf(position, entry['event']));
    else if (typeof entry['type'] === 'string' && isObject(entry['payload'])) events.push(loggedEventOf(position, { ...entry, id: entry['id'] ?? entry['eventId'] }));
    else return null;
  }
  return events;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
