import type { LoggedEvent } from '../records/logged-event';
import { publicStatistics } from './public-statistics';

let position = 0;
const ev = (type: string, payload: Record<string, unknown>, occurredAt = '2026-01-05T02:00:00.000Z', aggregateId = String(payload['projectId'] ?? payload['agencyId'] ?? 'x')): LoggedEvent => ({
  position: position++, eventId: `e${position}`, type, occurredAt, aggregateId, payload,
});
const item = (code: string, categoryCode: string, timeLimitWorkingDays: number, standardFeeFen: number | null, catalogRevision: number) =>
  ev('registry.ServiceItemPublished', { code, categoryCode, categoryNameZhCN: `类${categoryCode}`, categoryNameEn: categoryCode, timeLimitWorkingDays, standardFeeFen, catalogRevision, effectiveDate: '2026-01-05' });

const catalog = [
  item('EIA-REPORT', 'ENV', 20, 5_000_000, 1),
  item('EIA-TABLE', 'ENV', 10, 2_000_000, 2),
  item('SURVEY', 'GEO', 15, null, 3),
  ev('registry.ServiceItemRetired', { code: 'EIA-TABLE', catalogRevision: 4, effectiveDate: '2026-01-06' }),
];
const agencies = [
  ev('registry.AgencyRegistered', { agencyId: 'a1' }),
  ev('registry.AgencyRegistered', { agencyId: 'a2' }),
  ev('registry.AgencyRegistered', { agencyId: 'a3' }),
  ev('registry.AgencyServiceItemsChanged', { agencyId: 'a1', serviceItems: ['EIA-REPORT', 'SURVEY'], sequence: 2 }),
  ev('registry.AgencyServiceItemsChanged', { agencyId: 'a1', serviceItems: ['EIA-TABLE'], sequence: 1 }), // stale, arrives late
  ev('registry.AgencyQualificationGranted', { agencyId: 'a2', serviceItemCode: 'EIA-TABLE' }), // only a retired item
  ev('registry.AgencyQualificationGranted', { agencyId: 'a3', serviceItemCode: 'SURVEY' }),
  ev('registry.AgencyStatusChanged', { agencyId: 'a1', to: 'ACTIVE', sequence: 1 }),
  ev('registry.AgencyStatusChanged', { agencyId: 'a3', to: 'SUSPENDED', sequence: 2 }),
  ev('registry.AgencyStatusChanged', { agencyId: 'a3', to: 'ACTIVE', sequence: 1 }),
];

describe('publicStatistics', () => {
  it('counts agencies and current items by category, and the items after each catalog revision', () => {
    const stats = publicStatistics([...catalog, ...agencies]);
    expect(stats.agencies).toEqual({ registered: 3, byStatus: { ACTIVE: 1, REGISTERED: 1, SUSPENDED: 1 } });
    expect(stats.catalog.items).toBe(2);
    expect(stats.catalog.retiredItems).toBe(1);
    expect(stats.catalog.categories).toEqual([
      { categoryCode: 'ENV', nameZhCN: '类ENV', nameEn: 'ENV', items: 1, agencies: 1 },
      { categoryCode: 'GEO', nameZhCN: '类GEO', nameEn: 'GEO', items: 1, agencies: 2 },
    ]);
    expect(stats.catalog.revisions.map((r) => [r.catalogRevision, r.itemsAfter])).toEqual([[1, 1], [2, 2], [3, 3], [4, 2]]);
  });

  it('counts selection draws, bidding rounds and direct selections per Beijing month; tie-break draws are not selections', () => {
    const stats = publicStatistics([
      ev('draw.DrawRevealed', { purpose: 'SELECTION' }, '2026-01-31T17:00:00.000Z'), // 1 February in Beijing
      ev('draw.DrawRevealed', { purpose: 'SELECTION' }, '2026-01-20T02:00:00.000Z'),
      ev('draw.DrawRevealed', { purpose: 'TIE_BREAK' }, '2026-01-21T02:00:00.000Z'),
      ev('draw.DrawFailed', { projectId: 'p' }, '2026-01-22T02:00:00.000Z'),
      ev('bidding.BiddingDecided', { biddingId: 'b', outcome: 'SELECTED', rankedBids: [], decidedAt: '2026-02-10T02:00:00.000Z' }),
      ev('bidding.BiddingDecided', { biddingId: 'c', outcome: 'FAILED', rankedBids: [], decidedAt: '2026-02-11T02:00:00.000Z' }),
      ev('projects.SelectionRecorded', { projectId: 'q', source: 'DIRECT' }, '2026-02-12T02:00:00.000Z'),
      ev('projects.SelectionRecorded', { projectId: 'r', source: 'DRAW' }, '2026-02-12T02:00:00.000Z'),
    ]);
    expect(stats.selectionsByMonth).toEqual([
      { month: '2026-01', draws: 1, failedDraws: 1, biddingRounds: 0, failedBiddingRounds: 0, directSelections: 0 },
      { month: '2026-02', draws: 1, failedDraws: 0, biddingRounds: 1, failedBiddingRounds: 1, directSelections: 1 },
    ]);
  });

  it("measures winning bids below the item's standard fee, else below the cap", () => {
    const stats = publicStatistics([
      ev('bidding.BiddingOpened', { biddingId: 'b1', capFen: 1_000_000, standardFeeFen: 1_000_000 }),
      ev('bidding.BiddingDecided', { biddingId: 'b1', outcome: 'SELECTED', rankedBids: [{ agencyId: 'a', priceFen: 700_000 }, { agencyId: 'b', priceFen: 800_000 }] }),
      ev('bidding.BiddingOpened', { biddingId: 'b2', capFen: 500_000, standardFeeFen: null }),
      ev('bidding.BiddingDecided', { biddingId: 'b2', outcome: 'SELECTED', rankedBids: [{ agencyId: 'a', priceFen: 450_000 }] }),
      ev('bidding.BiddingOpened', { biddingId: 'b3', capFen: 500_000, standardFeeFen: null }),
      ev('bidding.BiddingDecided', { biddingId: 'b3', outcome: 'FAILED', rankedBids: [] }),
    ]);
    expect(stats.fees.winningBids.count).toBe(2);
    expect(stats.fees.winningBids.meanReduction).toBeCloseTo((0.3 + 0.1) / 2, 12);
    expect(stats.fees.winningBids.againstStandardFee).toEqual({ count: 1, meanReduction: expect.closeTo(0.3, 12) });
    expect(stats.fees.winningBids.againstCap).toEqual({ count: 1, meanReduction: expect.closeTo(0.1, 12) });
    expect(stats.fees.reported).toBe(0.2);
  });

  it("measures contracts below the item's standard fee, or the project's cap, and delivery in working days against the time limit", () => {
    const stats = publicStatistics([
      ...catalog,
      ev('projects.ProjectPublished', { projectId: 'p1', serviceItemCode: 'EIA-REPORT', budgetCapFen: 6_000_000 }),
      ev('projects.ProjectPublished', { projectId: 'p2', serviceItemCode: 'SURVEY', budgetCapFen: 1_000_000 }),
      ev('projects.ContractRecorded', { projectId: 'p1', agencyId: 'a1', amountFen: 4_000_000, startDate: '2026-02-02' }),
      ev('projects.ContractRecorded', { projectId: 'p2', agencyId: 'a2', amountFen: 900_000, startDate: '2026-03-02' }),
      ev('projects.ServiceCompleted', { projectId: 'p1', agencyId: 'a1', completionDate: '2026-02-13' }), // 10 of 20 working days
      ev('projects.ServiceCompleted', { projectId: 'p2', agencyId: 'a2', completionDate: '2026-03-27' }), // 20 of 15
    ]);
    expect(stats.projects).toEqual({ published: 2, underFreeChoiceThreshold: 2, thresholdFen: 10_000_000 });
    expect(stats.fees.contracts.count).toBe(2);
    expect(stats.fees.contracts.meanReduction).toBeCloseTo((0.2 + 0.1) / 2, 12);
    expect(stats.deliveryTime).toEqual({
      completed: 2, meanShareOfTimeLimit: expect.closeTo((0.5 + 20 / 15) / 2, 12), meanReduction: expect.closeTo(1 - (0.5 + 20 / 15) / 2, 12), withinTimeLimit: 1, reported: 0.3,
    });
  });

  it('says "no data" rather than zero when nothing was measured', () => {
    const stats = publicStatistics([]);
    expect(stats.fees.winningBids.meanReduction).toBeNull();
    expect(stats.fees.contracts.meanReduction).toBeNull();
    expect(stats.deliveryTime.meanReduction).toBeNull();
    expect(stats.agencies.registered).toBe(0);
    expect(stats.projects.published).toBe(0);
  });
});

describe('publicStatistics projects', () => {
  it('counts a reposted project once, by its latest cap, against the 100,000 yuan threshold', () => {
    const stats = publicStatistics([
      ev('projects.ProjectPublished', { projectId: 'big', budgetCapFen: 10_000_000 }),
      ev('projects.ProjectPublished', { projectId: 'small', budgetCapFen: 9_999_999 }),
      ev('projects.ProjectPublished', { projectId: 'small', budgetCapFen: 8_000_000 }),
    ]);
    expect(stats.projects).toEqual({ published: 2, underFreeChoiceThreshold: 1, thresholdFen: 10_000_000 });
  });

  it("takes an amendment's cap and item as the project's terms from then on", () => {
    const stats = publicStatistics([
      ...catalog,
      ev('projects.ProjectPublished', { projectId: 'p1', serviceItemCode: 'SURVEY', budgetCapFen: 12_000_000 }),
      ev('projects.ProjectAmended', { projectId: 'p1', amendment: 1, changes: [{ term: 'budgetCapFen', before: 12_000_000, after: 9_000_000 }, { term: 'serviceItemCode', before: 'SURVEY', after: 'EIA-REPORT' }] }),
      ev('projects.ContractRecorded', { projectId: 'p1', agencyId: 'a1', amountFen: 4_000_000, startDate: '2026-02-02' }),
      ev('projects.ServiceCompleted', { projectId: 'p1', agencyId: 'a1', completionDate: '2026-02-13' }),
    ]);
    expect(stats.projects).toEqual({ published: 1, underFreeChoiceThreshold: 1, thresholdFen: 10_000_000 });
    // Against EIA-REPORT's standard fee and 20-day limit, not SURVEY's.
    expect(stats.fees.contracts.meanReduction).toBeCloseTo(0.2, 12);
    expect(stats.deliveryTime.meanShareOfTimeLimit).toBeCloseTo(0.5, 12);
  });
});
