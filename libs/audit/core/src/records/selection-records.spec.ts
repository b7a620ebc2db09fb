import type { LoggedEvent } from './logged-event';
import { namesAgency, selectionRecords } from './selection-records';

let position = 0;
const ev = (type: string, aggregateId: string, payload: Record<string, unknown>, occurredAt = '2026-03-02T08:00:00.000Z'): LoggedEvent => ({
  position: position++, eventId: `e${position}`, type, occurredAt, aggregateId, payload,
});

const published = (projectId: string, owner: string, item: string, method: string, at?: string) =>
  ev('projects.ProjectPublished', projectId, { projectId, ownerOrganizationId: owner, serviceItemCode: item, method, title: `t-${projectId}` }, at);

// p1: a draw project of owner-a; p2: a bidding project of owner-b, with a bid still sealed in a second round.
const log: LoggedEvent[] = [
  published('p1', 'owner-a', 'EIA', 'RANDOM_DRAW', '2026-01-10T00:00:00.000Z'),
  ev('projects.SelectionRequested', 'p1', { projectId: 'p1', method: 'RANDOM_DRAW', ownerOrganizationId: 'owner-a', signedUpAgencyIds: ['ag-1', 'ag-2', 'ag-3'], conflictAgencyIds: ['ag-9'] }, '2026-01-20T00:00:00.000Z'),
  ev('draw.DrawCommitted', 'd1', { drawId: 'd1', projectId: 'p1', pool: ['ag-1', 'ag-2'], exclusions: [{ agencyId: 'ag-3', reason: 'SUSPENDED' }] }, '2026-01-20T00:01:00.000Z'),
  ev('draw.DrawRevealed', 'd1', { drawId: 'd1', projectId: 'p1', winners: ['ag-1'], alternates: ['ag-2'] }, '2026-01-20T00:02:00.000Z'),
  published('p2', 'owner-b', 'SURVEY', 'BIDDING', '2026-02-01T00:00:00.000Z'),
  ev('bidding.BiddingOpened', 'b1', { biddingId: 'b1', projectId: 'p2', ownerOrganizationId: 'owner-b', serviceItemCode: 'SURVEY' }, '2026-02-01T00:00:01.000Z'),
  ev('bidding.BidSubmitted', 'b1', { biddingId: 'b1', projectId: 'p2', agencyId: 'ag-1', commitment: 'c1' }, '2026-02-02T00:00:00.000Z'),
  ev('bidding.BidSubmitted', 'b1', { biddingId: 'b1', projectId: 'p2', agencyId: 'ag-2', commitment: 'c2' }, '2026-02-02T00:00:00.000Z'),
  ev('bidding.BiddingClosed', 'b1', { biddingId: 'b1', projectId: 'p2', revealed: [{ agencyId: 'ag-1' }, { agencyId: 'ag-2' }] }, '2026-02-05T00:00:00.000Z'),
  ev('bidding.BiddingOpened', 'b2', { biddingId: 'b2', projectId: 'p2', ownerOrganizationId: 'owner-b', serviceItemCode: 'SURVEY' }, '2026-03-01T00:00:00.000Z'),
  ev('bidding.BidSubmitted', 'b2', { biddingId: 'b2', projectId: 'p2', agencyId: 'ag-2', commitment: 'c3' }, '2026-03-02T00:00:00.000Z'),
  ev('projects.AwardDeclined', 'p1', { projectId: 'p1', agencyId: 'ag-1', cause: 'DECLINED' }, '2026-03-03T00:00:00.000Z'),
];
const all = { kind: 'all' } as const;
const ids = (records: ReturnType<typeof selectionRecords>) => records.map((r) => r.project.projectId);

describe('selectionRecords', () => {
  it('gives supervisors every project, each entry in log order, with the facts from its announcements', () => {
    const records = selectionRecords(log, {}, all);
    expect(ids(records)).toEqual(['p1', 'p2']);
    expect(records[0].project).toEqual({ projectId: 'p1', title: 't-p1', ownerOrganizationId: 'owner-a', serviceItemCode: 'EIA', methods: ['RANDOM_DRAW'] });
    expect(records[0].entries.map((e) => e.type)).toEqual(['projects.ProjectPublished', 'projects.SelectionRequested', 'draw.DrawCommitted', 'draw.DrawRevealed', 'projects.AwardDeclined']);
    const positions = records[1].entries.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('filters by project, owner, item, method and agency', () => {
    expect(ids(selectionRecords(log, { projectId: 'p2' }, all))).toEqual(['p2']);
    expect(ids(selectionRecords(log, { ownerOrganizationId: 'owner-a' }, all))).toEqual(['p1']);
    expect(ids(selectionRecords(log, { serviceItemCode: 'SURVEY' }, all))).toEqual(['p2']);
    expect(ids(selectionRecords(log, { method: 'BIDDING' }, all))).toEqual(['p2']);
    expect(ids(selectionRecords(log, { method: 'DIRECT_SELECTION' }, all))).toEqual([]);
    expect(ids(selectionRecords(log, { agencyId: 'ag-3' }, all))).toEqual(['p1']);
    // A declared conflict involves the agency for supervisors.
    expect(ids(selectionRecords(log, { agencyId: 'ag-9' }, all))).toEqual(['p1']);
    expect(ids(selectionRecords(log, { agencyId: 'ag-1', ownerOrganizationId: 'owner-b' }, all))).toEqual(['p2']);
  });

  it('keeps only the entries of the period, and drops projects with none in it', () => {
    const february = selectionRecords(log, { from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }, all);
    expect(ids(february)).toEqual(['p2']);
    expect(february[0].entries.every((e) => e.occurredAt >= '2026-02-01' && e.occurredAt < '2026-03-01')).toBe(true);
  });

  it("shows an owner only its own projects, and not who bid in a round still sealed", () => {
    expect(ids(selectionRecords(log, {}, { kind: 'owner', organizationId: 'owner-a' }))).toEqual(['p1']);
    const p2 = selectionRecords(log, {}, { kind: 'owner', organizationId: 'owner-b' })[0];
    const bids = p2.entries.filter((e) => e.type === 'bidding.BidSubmitted');
    expect(bids.map((e) => e.payload['biddingId'])).toEqual(['b1', 'b1']);
  });

  it("shows an agency the entries about it and the projects' public results, never others' sign-ups or sealed bids", () => {
    const mine = selectionRecords(log, {}, { kind: 'agency', agencyId: 'ag-2' });
    expect(ids(mine)).toEqual(['p1', 'p2']);
    const types = mine.flatMap((r) => r.entries.map((e) => e.type));
    expect(types).not.toContain('projects.SelectionRequested');
    expect(types).not.toContain('projects.AwardDeclined'); // ag-1's decline
    expect(mine[1].entries.filter((e) => e.type === 'bidding.BidSubmitted').map((e) => e.payload['agencyId'])).toEqual(['ag-2', 'ag-2']);
    // Excluded from a pool is still its record; a conflict declaration is not shown to it.
    expect(ids(selectionRecords(log, {}, { kind: 'agency', agencyId: 'ag-3' }))).toEqual(['p1']);
    expect(ids(selectionRecords(log, {}, { kind: 'agency', agencyId: 'ag-9' }))).toEqual([]);
  });

  it('recognises an agency in ids, lists and tables of a payload', () => {
    expect(namesAgency(log[2], 'ag-3')).toBe(true); // exclusions
    expect(namesAgency(log[8], 'ag-2')).toBe(true); // revealed table
    expect(namesAgency(log[1], 'ag-2')).toBe(false); // sign-up list only
  });
});

describe('selectionRecords: an amended project', () => {
  const amended = (projectId: string, amendment: number, changes: Record<string, unknown>[], at: string) =>
    ev('projects.ProjectAmended', projectId, { projectId, round: 1, ownerOrganizationId: 'owner-c', amendment, reason: `变更${amendment}`, amendedAt: at, changes, documents: [] }, at);
  // p3 is announced as bidding, amended to a draw before sign-up closes, and drawn; ag-5 wins.
  const story: LoggedEvent[] = [
    published('p3', 'owner-c', 'EIA', 'BIDDING', '2026-04-01T00:00:00.000Z'),
    amended('p3', 1, [{ term: 'signUp.closesAt', before: '2026-04-05T00:00:00.000Z', after: '2026-04-08T00:00:00.000Z' }], '2026-04-02T00:00:00.000Z'),
    amended('p3', 2, [
      { term: 'title', before: 't-p3', after: '某园区环评（变更）' },
      { term: 'selection.method', before: 'BIDDING', after: 'RANDOM_DRAW' },
    ], '2026-04-03T00:00:00.000Z'),
    ev('projects.SelectionRequested', 'p3', { projectId: 'p3', method: 'RANDOM_DRAW', ownerOrganizationId: 'owner-c', signedUpAgencyIds: ['ag-5', 'ag-6'], conflictAgencyIds: ['ag-7'] }, '2026-04-08T00:00:00.000Z'),
    ev('draw.DrawRevealed', 'd3', { drawId: 'd3', projectId: 'p3', winners: ['ag-5'], alternates: ['ag-6'] }, '2026-04-08T00:02:00.000Z'),
    ev('projects.SelectionRecorded', 'p3', { projectId: 'p3', round: 1, source: 'DRAW', winners: ['ag-5'], succession: ['ag-6'] }, '2026-04-08T00:03:00.000Z'),
  ];
  const types = (records: ReturnType<typeof selectionRecords>) => records.flatMap((r) => r.entries.map((e) => e.type));

  it('keeps the amendments in the story in log order, and takes the amended title and method as the project facts', () => {
    const [record] = selectionRecords(story, {}, all);
    expect(types([record])).toEqual([
      'projects.ProjectPublished', 'projects.ProjectAmended', 'projects.ProjectAmended', 'projects.SelectionRequested', 'draw.DrawRevealed', 'projects.SelectionRecorded',
    ]);
    expect(record.entries.filter((e) => e.type === 'projects.ProjectAmended').map((e) => e.payload['amendment'])).toEqual([1, 2]);
    expect(record.project).toEqual({ projectId: 'p3', title: '某园区环评（变更）', ownerOrganizationId: 'owner-c', serviceItemCode: 'EIA', methods: ['RANDOM_DRAW'] });
    // Announced as bidding but replaced before anything ran by it.
    expect(ids(selectionRecords(story, { method: 'BIDDING' }, all))).toEqual([]);
    expect(ids(selectionRecords(story, { method: 'RANDOM_DRAW' }, all))).toEqual(['p3']);
  });

  it('shows the amendments to the owner and to an agency of the project, as public as the announcement', () => {
    expect(types(selectionRecords(story, {}, { kind: 'owner', organizationId: 'owner-c' }))).toContain('projects.ProjectAmended');
    expect(selectionRecords(story, {}, { kind: 'owner', organizationId: 'owner-a' })).toEqual([]);
    const winner = types(selectionRecords(story, {}, { kind: 'agency', agencyId: 'ag-5' }));
    expect(winner.filter((t) => t === 'projects.ProjectAmended')).toHaveLength(2);
    expect(winner).not.toContain('projects.SelectionRequested');
    // A firm the record does not name sees nothing of the project; the declared conflict is not its record.
    expect(selectionRecords(story, {}, { kind: 'agency', agencyId: 'ag-7' })).toEqual([]);
  });

  it('takes a reposted round’s title as the project’s, and shows a cancellation to everyone who may see the project', () => {
    const reposted = [
      published('p4', 'owner-d', 'EIA', 'RANDOM_DRAW', '2026-05-01T00:00:00.000Z'),
      ev('projects.RoundFailed', 'p4', { projectId: 'p4', round: 1, reason: 'TOO_FEW_SIGN_UPS', required: 3, actual: 1 }, '2026-05-10T00:00:00.000Z'),
      ev('projects.ProjectPublished', 'p4', { projectId: 'p4', round: 2, ownerOrganizationId: 'owner-d', serviceItemCode: 'EIA', method: 'DIRECT_SELECTION', title: '重新发布的环评' }, '2026-05-11T00:00:00.000Z'),
      ev('projects.ProjectCancelled', 'p4', { projectId: 'p4', round: 2, ownerOrganizationId: 'owner-d', from: 'PUBLISHED', reason: '项目取消立项', cancelledAt: '2026-05-12T00:00:00.000Z' }, '2026-05-12T00:00:00.000Z'),
      ev('projects.SelectionRecorded', 'p4', { projectId: 'p4', round: 1, source: 'DRAW', winners: ['ag-8'], succession: [] }, '2026-05-09T00:00:00.000Z'),
    ];
    const [record] = selectionRecords(reposted, {}, all);

    expect(record.project).toMatchObject({ title: '重新发布的环评', methods: ['RANDOM_DRAW', 'DIRECT_SELECTION'] });
    expect(types([record])).toContain('projects.ProjectCancelled');
    expect(types(selectionRecords(reposted, {}, { kind: 'agency', agencyId: 'ag-8' }))).toContain('projects.ProjectCancelled');
  });
});
