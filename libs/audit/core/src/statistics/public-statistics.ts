import { amendedTerms, num, projectIdOf, records, text, texts, type LoggedEvent } from '../records/logged-event';
import { beijingMonthOf, workingDaysBetween } from './working-days';

/** The source report's own figures, shown beside what the log measures (DESIGN.md: the 2017 annual report). */
export const REPORTED_FIGURES = { feeReduction: 0.2, timeLimitReduction: 0.3 } as const;

/** The report: projects under 100,000 yuan (below public-procurement thresholds) may choose their agency this way. */
export const FREE_CHOICE_THRESHOLD_FEN = 10_000_000;

/** The event types the statistics read; the service loads just these. */
export const STATISTICS_EVENT_TYPES = [
  'registry.ServiceItemPublished', 'registry.ServiceItemRetired', 'registry.AgencyRegistered', 'registry.AgencyStatusChanged',
  'registry.AgencyServiceItemsChanged', 'registry.AgencyQualificationGranted',
  'projects.ProjectPublished', 'projects.ProjectAmended', 'projects.SelectionRecorded', 'projects.ContractRecorded', 'projects.ServiceCompleted',
  'draw.DrawRevealed', 'draw.DrawFailed', 'bidding.BiddingOpened', 'bidding.BiddingDecided',
] as const;

export interface CategoryStatistics {
  readonly categoryCode: string;
  readonly nameZhCN: string;
  readonly nameEn: string;
  /** Items in the catalog now (published, not retired). */
  readonly items: number;
  /** Registered agencies offering at least one of the category's current items (a firm may count in several). */
  readonly agencies: number;
}

export interface MonthStatistics {
  readonly month: string;
  readonly draws: number;
  readonly failedDraws: number;
  readonly biddingRounds: number;
  readonly failedBiddingRounds: number;
  /** Selections made directly, without draw or bidding: allowed only under the rules, and shown so (DESIGN). */
  readonly directSelections: number;
}

/** A mean of reductions below a reference price, 1 − price / reference, over `count` cases (null when none). */
export interface MeanReduction {
  readonly count: number;
  readonly meanReduction: number | null;
}

export interface PublicStatistics {
  /** Projects published, and how many had a budget cap under the report's 100,000 yuan. */
  readonly projects: { readonly published: number; readonly underFreeChoiceThreshold: number; readonly thresholdFen: number };
  readonly agencies: { readonly registered: number; readonly byStatus: Readonly<Record<string, number>> };
  readonly catalog: {
    readonly items: number;
    readonly retiredItems: number;
    readonly categories: readonly CategoryStatistics[];
    /** Each catalog revision and how many items the catalog held after it (the report's "48 → 46 items"). */
    readonly revisions: readonly { readonly catalogRevision: number; readonly effectiveDate: string | null; readonly itemsAfter: number }[];
  };
  /**
   * Per Beijing month: selection draws revealed (tie-break draws belong to their bidding round), draws failed,
   * bidding rounds decided or failed, direct selections recorded.
   */
  readonly selectionsByMonth: readonly MonthStatistics[];
  readonly fees: {
    /** Winning bid of each decided round below the item's standard fee, or the project's cap when the item has none. */
    readonly winningBids: MeanReduction & { readonly againstStandardFee: MeanReduction; readonly againstCap: MeanReduction };
    /** Contract amounts below the item's standard fee, or the project's budget cap when the item has none. */
    readonly contracts: MeanReduction;
    readonly reported: number;
  };
  readonly deliveryTime: {
    /** Completed services measured: working days from contract start to completion against the item's time limit. */
    readonly completed: number;
    readonly meanShareOfTimeLimit: number | null;
    readonly meanReduction: number | null;
    readonly withinTimeLimit: number;
    readonly reported: number;
  };
}

interface ItemState { categoryCode: string; nameZhCN: string; nameEn: string; timeLimitWorkingDays: number | null; standardFeeFen: number | null; retired: boolean }

/**
 * The public statistics, computed from the log's events alone (any order-dependent fold takes them in log order):
 * what the source report states — agencies and items by category, draws and bidding rounds per month, fees below the
 * standard and delivery time against the items' time limits — measured rather than asserted.
 */
export function publicStatistics(events: readonly LoggedEvent[]): PublicStatistics {
  const items = new Map<string, ItemState>();
  const revisions: { catalogRevision: number; effectiveDate: string | null; itemsAfter: number }[] = [];
  const agencies = new Map<string, { status: string; statusSequence: number; items: string[]; itemsSequence: number; qualified: Set<string> }>();
  const projects = new Map<string, { serviceItemCode: string | null; budgetCapFen: number | null }>();
  const biddings = new Map<string, { capFen: number | null; standardFeeFen: number | null }>();
  const months = new Map<string, { draws: number; failedDraws: number; biddingRounds: number; failedBiddingRounds: number; directSelections: number }>();
  const contracts = new Map<string, { startDate: string | null }>();
  const bidReductions: { reduction: number; againstStandardFee: boolean }[] = [];
  const contractReductions: number[] = [];
  const deliveryShares: number[] = [];

  const agency = (id: string) => {
    const found = agencies.get(id) ?? { status: 'REGISTERED', statusSequence: 0, items: [], itemsSequence: 0, qualified: new Set<string>() };
    agencies.set(id, found);
    return found;
  };
  const month = (instant: string) => {
    const key = beijingMonthOf(instant) ?? 'unknown';
    const found = months.get(key) ?? { draws: 0, failedDraws: 0, biddingRounds: 0, failedBiddingRounds: 0, directSelections: 0 };
    months.set(key, found);
    return found;
  };
  const liveItems = () => [...items.values()].filter((i) => !i.retired).length;
  const noteRevision = (p: LoggedEvent['payload']) => {
    const catalogRevision = num(p, 'catalogRevision');
    if (catalogRevision !== null) revisions.push({ catalogRevision, effectiveDate: text(p, 'effectiveDate'), itemsAfter: liveItems() });
  };
  const referenceFee = (projectId: string | null) => {
    const project = projectId ? projects.get(projectId) : undefined;
    const item = project?.serviceItemCode ? items.get(project.serviceItemCode) : undefined;
    return item?.standardFeeFen ?? project?.budgetCapFen ?? null;
  };

  for (const event of events) {
    const p = event.payload;
    switch (event.type) {
      case 'registry.ServiceItemPublished': {
        const code = text(p, 'code');
        if (!code) break;
        items.set(code, {
          categoryCode: text(p, 'categoryCode') ?? '', nameZhCN: text(p, 'categoryNameZhCN') ?? '', nameEn: text(p, 'categoryNameEn') ?? '',
          timeLimitWorkingDays: num(p, 'timeLimitWorkingDays'), standardFeeFen: num(p, 'standardFeeFen'), retired: false,
        });
        noteRevision(p);
        break;
      }
      case 'registry.ServiceItemRetired': {
        const item = items.get(text(p, 'code') ?? '');
        if (item) item.retired = true;
        noteRevision(p);
        break;
      }
      case 'registry.AgencyRegistered':
        if (text(p, 'agencyId')) agency(text(p, 'agencyId') as string);
        break;
      case 'registry.AgencyStatusChanged': {
        const a = agency(text(p, 'agencyId') ?? '');
        const sequence = num(p, 'sequence') ?? 0;
        // Keep the change with the highest sequence: a late, older change must not win.
        if (sequence >= a.statusSequence) Object.assign(a, { status: text(p, 'to') ?? a.status, statusSequence: sequence });
        break;
      }
      case 'registry.AgencyServiceItemsChanged': {
        const a = agency(text(p, 'agencyId') ?? '');
        const sequence = num(p, 'sequence') ?? 0;
        if (sequence >= a.itemsSequence) Object.assign(a, { items: texts(p, 'serviceItems'), itemsSequence: sequence });
        break;
      }
      case 'registry.AgencyQualificationGranted':
        if (text(p, 'serviceItemCode')) agency(text(p, 'agencyId') ?? '').qualified.add(text(p, 'serviceItemCode') as string);
        break;
      case 'projects.ProjectPublished':
        projects.set(text(p, 'projectId') ?? event.aggregateId, { serviceItemCode: text(p, 'serviceItemCode'), budgetCapFen: num(p, 'budgetCapFen') });
        break;
      case 'projects.ProjectAmended': {
        // The amended cap and item are the project's terms from then on (the threshold, the fee reference, the time limit).
        const project = projects.get(text(p, 'projectId') ?? event.aggregateId);
        if (!project) break;
        for (const { term, after } of amendedTerms(p)) {
          if (term === 'budgetCapFen' && typeof after === 'number') project.budgetCapFen = after;
          if (term === 'serviceItemCode' && typeof after === 'string') project.serviceItemCode = after;
        }
        break;
      }
      case 'draw.DrawRevealed':
        if (text(p, 'purpose') !== 'TIE_BREAK') month(event.occurredAt).draws++;
        break;
      case 'projects.SelectionRecorded':
        if (text(p, 'source') === 'DIRECT') month(event.occurredAt).directSelections++;
        break;
      case 'draw.DrawFailed':
        month(event.occurredAt).failedDraws++;
        break;
      case 'bidding.BiddingOpened':
        biddings.set(text(p, 'biddingId') ?? '', { capFen: num(p, 'capFen'), standardFeeFen: num(p, 'standardFeeFen') });
        break;
      case 'bidding.BiddingDecided': {
        const m = month(text(p, 'decidedAt') ?? event.occurredAt);
        if (text(p, 'outcome') !== 'SELECTED') {
          m.failedBiddingRounds++;
          break;
        }
        m.biddingRounds++;
        const round = biddings.get(text(p, 'biddingId') ?? '');
        const winning = num(records(p, 'rankedBids')[0] ?? {}, 'priceFen');
        const reference = round?.standardFeeFen ?? round?.capFen ?? null;
        if (winning !== null && reference) bidReductions.push({ reduction: 1 - winning / reference, againstStandardFee: round?.standardFeeFen != null });
        break;
      }
      case 'projects.ContractRecorded': {
        const projectId = projectIdOf(event);
        contracts.set(`${projectId}|${text(p, 'agencyId')}`, { startDate: text(p, 'startDate') });
        const amount = num(p, 'amountFen');
        const reference = referenceFee(projectId);
        if (amount !== null && reference) contractReductions.push(1 - amount / reference);
        break;
      }
      case 'projects.ServiceCompleted': {
        const projectId = projectIdOf(event);
        const start = contracts.get(`${projectId}|${text(p, 'agencyId')}`)?.startDate;
        const code = projectId ? projects.get(projectId)?.serviceItemCode : null;
        const limit = code ? items.get(code)?.timeLimitWorkingDays : null;
        const taken = start ? workingDaysBetween(start, text(p, 'completionDate') ?? '') : null;
        if (taken !== null && limit) deliveryShares.push(taken / limit);
        break;
      }
    }
  }

  const categories = new Map<string, CategoryStatistics & { agencySet: Set<string> }>();
  for (const [, item] of items) {
    if (item.retired) continue;
    const c = categories.get(item.categoryCode) ?? { categoryCode: item.categoryCode, nameZhCN: item.nameZhCN, nameEn: item.nameEn, items: 0, agencies: 0, agencySet: new Set<string>() };
    categories.set(item.categoryCode, { ...c, items: c.items + 1 });
  }
  const byStatus: Record<string, number> = {};
  for (const [id, a] of agencies) {
    byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    // The offered items when the firm has stated them; else what it is qualified for.
    const offered = a.itemsSequence > 0 ? a.items : [...a.qualified];
    for (const code of offered) {
      const item = items.get(code);
      if (item && !item.retired) categories.get(item.categoryCode)?.agencySet.add(id);
    }
  }

  const mean = (values: readonly number[]): MeanReduction => ({ count: values.length, meanReduction: values.length ? values.reduce((s, v) => s + v, 0) / values.length : null });
  const meanShare = deliveryShares.length ? deliveryShares.reduce((s, v) => s + v, 0) / deliveryShares.length : null;
  return {
    projects: {
      published: projects.size,
      underFreeChoiceThreshold: [...projects.values()].filter((p) => p.budgetCapFen !== null && p.budgetCapFen < FREE_CHOICE_THRESHOLD_FEN).length,
      thresholdFen: FREE_CHOICE_THRESHOLD_FEN,
    },
    agencies: { registered: agencies.size, byStatus },
    catalog: {
      items: liveItems(),
      retiredItems: items.size - liveItems(),
      categories: [...categories.values()]
        .map(({ agencySet, ...c }) => ({ ...c, agencies: agencySet.size }))
        .sort((a, b) => (a.categoryCode < b.categoryCode ? -1 : a.categoryCode > b.categoryCode ? 1 : 0)),
      revisions,
    },
    selectionsByMonth: [...months].map(([m, counts]) => ({ month: m, ...counts })).sort((a, b) => (a.month < b.month ? -1 : 1)),
    fees: {
      winningBids: {
        ...mean(bidReductions.map((b) => b.reduction)),
        againstStandardFee: mean(bidReductions.filter((b) => b.againstStandardFee).map((b) => b.reduction)),
        againstCap: mean(bidReductions.filter((b) => !b.againstStandardFee).map((b) => b.reduction)),
      },
      contracts: mean(contractReductions),
      reported: REPORTED_FIGURES.feeReduction,
    },
    deliveryTime: {
      completed: deliveryShares.length,
      meanShareOfTimeLimit: meanShare,
      meanReduction: meanShare === null ? null : 1 - meanShare,
      withinTimeLimit: deliveryShares.filter((s) => s <= 1).length,
      reported: REPORTED_FIGURES.timeLimitReduction,
    },
  };
}
