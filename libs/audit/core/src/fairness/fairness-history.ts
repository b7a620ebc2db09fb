import { num, records, text, texts, type LoggedEvent } from '../records/logged-event';
import type { AgencyAtDraw, DrawOutcome } from './draw-outcome';

/** The event types the fairness report reads; the service loads just these. */
export const FAIRNESS_EVENT_TYPES = [
  'draw.DrawCommitted',
  'draw.DrawRevealed',
  'projects.SelectionRequested',
  'registry.AgencyRegistered',
  'registry.AgencyQualificationGranted',
  'bidding.BiddingOpened',
  'bidding.BiddingClosed',
] as const;

// The algorithm id names every step (docs/draw-protocol.md); only the uniform shuffle gives each agency k/n.
const UNIFORM_LAST_STEP = 'fisher-yates-partial';

/**
 * Every revealed draw in the log with what the tests need, read in log order so that each pool agency's region,
 * grade and price level are those known when the draw was committed — never anything recorded after it, which the
 * draw's own outcome could have influenced (a firm that keeps winning may quote differently afterwards).
 * A commitment without a reveal is not an outcome yet and is left out.
 */
export function fairnessHistoryOf(events: readonly LoggedEvent[]): DrawOutcome[] {
  const requests = new Map<string, { item: string | null; signedUp: readonly string[] | null }>();
  const openings = new Map<string, { item: string | null; referenceFen: number | null }>();
  const quotes = new Map<string, number[]>();
  const regions = new Map<string, string>();
  const grades = new Map<string, number>();
  const committed = new Map<string, Omit<DrawOutcome, 'winners'>>();
  const outcomes: DrawOutcome[] = [];

  for (const { type, payload } of events) {
    switch (type) {
      case 'projects.SelectionRequested': {
        const signedUp = Array.isArray(payload['signedUpAgencyIds']) ? texts(payload, 'signedUpAgencyIds') : null;
        requests.set(`${text(payload, 'projectId')}|${num(payload, 'round')}`, { item: text(payload, 'serviceItemCode'), signedUp });
        break;
      }
      case 'bidding.BiddingOpened': {
        const biddingId = text(payload, 'biddingId');
        if (biddingId) openings.set(biddingId, { item: text(payload, 'serviceItemCode'), referenceFen: num(payload, 'standardFeeFen') ?? num(payload, 'capFen') });
        break;
      }
      case 'bidding.BiddingClosed': {
        const reference = openings.get(text(payload, 'biddingId') ?? '')?.referenceFen;
        if (!reference || reference <= 0) break;
        for (const bid of records(payload, 'revealed')) {
          const agencyId = text(bid, 'agencyId');
          const price = num(bid, 'priceFen');
          if (agencyId === null || price === null || price <= 0 || bid['invalidReason'] != null) continue;
          const list = quotes.get(agencyId) ?? [];
          list.push(price / reference);
          quotes.set(agencyId, list);
        }
        break;
      }
      case 'registry.AgencyRegistered': {
        const agencyId = text(payload, 'agencyId');
        const region = text(payload, 'region');
        if (agencyId && region) regions.set(agencyId, cityOf(region));
        break;
      }
      case 'registry.AgencyQualificationGranted': {
        const level = num(payload, 'level');
        if (level !== null) grades.set(`${text(payload, 'agencyId')}|${text(payload, 'serviceItemCode')}`, level);
        break;
      }
      case 'draw.DrawCommitted': {
        const drawId = text(payload, 'drawId');
        if (drawId === null || !Array.isArray(payload['pool'])) break;
        const pool = texts(payload, 'pool');
        const tieBreak = payload['tieBreak'] as Record<string, unknown> | null | undefined;
        const request = text(payload, 'purpose') === 'TIE_BREAK' ? null : requests.get(`${text(payload, 'projectId')}|${num(payload, 'round')}`);
        const item = request?.item ?? (tieBreak && typeof tieBreak === 'object' ? openings.get(text(tieBreak, 'biddingId') ?? '')?.item : null) ?? null;
        const inPool = new Set(pool);
        const attributes = new Map<string, AgencyAtDraw>(
          pool.map((id) => [id, { region: regions.get(id) ?? null, grade: grades.get(`${id}|${item}`) ?? null, priceLevel: median(quotes.get(id)) }]),
        );
        const weighted = (text(payload, 'algorithm') ?? '').split(';').at(-1) !== UNIFORM_LAST_STEP;
        committed.set(drawId, {
          drawId,
          pool,
          weighted,
          weights: weighted ? weightsInPoolOrder(payload, pool) : null,
          serviceItemCode: item,
          signUpOrder: request?.signedUp ? [...new Set(request.signedUp)].filter((id) => inPool.has(id)) : null,
          attributes,
        });
        break;
      }
      case 'draw.DrawRevealed': {
        const draw = committed.get(text(payload, 'drawId') ?? '');
        if (draw && Array.isArray(payload['winners'])) outcomes.push({ ...draw, winners: texts(payload, 'winners') });
        break;
      }
    }
  }
  return outcomes;
}

/**
 * A weighted commitment's weights as numbers in pool order, or null when the entry has none (logged before
 * `DrawCommittedV1` carried them) or they do not list the pool in order with positive whole weights.
 */
function weightsInPoolOrder(payload: Readonly<Record<string, unknown>>, pool: readonly string[]): number[] | null {
  if (!Array.isArray(payload['weights'])) return null;
  const listed = records(payload, 'weights');
  if (listed.length !== pool.length) return null;
  const weights = listed.map((w, i) => (w['id'] === pool[i] && Number.isSafeInteger(w['weight']) && (w['weight'] as number) > 0 ? (w['weight'] as number) : null));
  return weights.every((w): w is number => w !== null) ? weights : null;
}

/** A 6-digit administrative division code's prefecture (city): 330106 → 330100. Anything else is kept as written. */
function cityOf(region: string): string {
  return /^\d{6}$/.test(region) ? `${region.slice(0, 4)}00` : region;
}

function median(values: readonly number[] | undefined): number | null {
  if (!values || values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
