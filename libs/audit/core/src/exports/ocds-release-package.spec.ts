import type { LoggedEvent } from '../records/logged-event';
import { OCDS_METHOD_DETAILS, ocdsReleasePackage, ocdsSchemaValidator } from './ocds-release-package';

let position = 100;
const ev = (type: string, payload: Record<string, unknown>, occurredAt: string): LoggedEvent => ({ position: position++, eventId: `e${position}`, type, occurredAt, aggregateId: 'p1', payload });
const publication = { ocidPrefix: 'ocds-mkt000', publisherName: '市政务服务中心', uri: 'https://mkt.example/api/audit/projects/p1/ocds', publishedDate: '2026-04-01T00:00:00.000Z', agencyNames: new Map([['ag-1', '甲测绘'], ['ag-2', '乙测绘']]) };
const valid = ocdsSchemaValidator();

const published = ev('projects.ProjectPublished', { projectId: 'p1', round: 1, ownerOrganizationId: 'owner-a', title: '地形测绘', serviceItemCode: 'SURVEY', budgetCapFen: 1_000_000, method: 'BIDDING' }, '2026-02-03T02:00:00.000Z');
const biddingProject = [
  published,
  ev('bidding.BiddingOpened', { biddingId: 'b1', projectId: 'p1', quoteForm: 'AMOUNT', evaluation: { kind: 'LOWEST_PRICE' }, openedAt: '2026-02-03T02:00:01.000Z', deadline: '2026-02-10T02:00:00.000Z' }, '2026-02-03T02:00:01.000Z'),
  ev('bidding.BidSubmitted', { biddingId: 'b1', projectId: 'p1', agencyId: 'ag-1', commitment: 'c' }, '2026-02-04T02:00:00.000Z'),
  ev('bidding.BiddingClosed', { biddingId: 'b1', projectId: 'p1', revealed: [{ agencyId: 'ag-1' }, { agencyId: 'ag-2' }] }, '2026-02-10T02:00:00.000Z'),
  ev('bidding.BiddingDecided', { biddingId: 'b1', projectId: 'p1', outcome: 'SELECTED', rankedBids: [{ agencyId: 'ag-1', priceFen: 800_000 }, { agencyId: 'ag-2', priceFen: 850_000 }] }, '2026-02-10T02:00:01.000Z'),
  ev('projects.SelectionRecorded', { projectId: 'p1', round: 1, winners: ['ag-1'] }, '2026-02-10T02:00:02.000Z'),
  ev('projects.ProjectAwarded', { projectId: 'p1', round: 1, winners: [{ agencyId: 'ag-1' }] }, '2026-02-15T02:00:00.000Z'),
  ev('projects.AwardDeclined', { projectId: 'p1', round: 1, agencyId: 'ag-1' }, '2026-02-16T02:00:00.000Z'),
  ev('projects.ProjectAwarded', { projectId: 'p1', round: 1, winners: [{ agencyId: 'ag-2' }] }, '2026-02-16T02:00:01.000Z'),
  ev('projects.ContractRecorded', { projectId: 'p1', agencyId: 'ag-2', amountFen: 850_000, startDate: '2026-03-02', dueDate: '2026-03-22' }, '2026-03-01T02:00:00.000Z'),
  ev('projects.ServiceCompleted', { projectId: 'p1', agencyId: 'ag-2', completionDate: '2026-03-13' }, '2026-03-13T09:00:00.000Z'),
];

describe('ocdsReleasePackage', () => {
  it('gives one valid release per public step of a bidding project, ids tied to log positions', () => {
    const pkg = ocdsReleasePackage('p1', biddingProject, publication) as { releases: Record<string, unknown>[] };
    expect(valid(pkg)).toEqual({ ok: true, errors: [] });
    expect(pkg.releases.map((r) => (r['tag'] as string[])[0])).toEqual(['tender', 'tenderUpdate', 'tenderUpdate', 'award', 'awardUpdate', 'awardCancellation', 'awardUpdate', 'contract', 'contractTermination']);
    expect(pkg.releases[0]).toMatchObject({ ocid: 'ocds-mkt000-p1', id: `p1-${biddingProject[0].position}`, initiationType: 'tender' });
    // The sealed bid itself is no step of the public record.
    expect(pkg.releases.map((r) => r['id'])).not.toContain(`p1-${biddingProject[2].position}`);
  });

  it('names the method, the tenderers, the awards with their fate and the contract with its award', () => {
    const pkg = ocdsReleasePackage('p1', biddingProject, publication) as { releases: Record<string, any>[] };
    const last = pkg.releases.at(-1) as Record<string, any>;
    expect(last['tender']).toMatchObject({
      procurementMethod: 'selective', procurementMethodDetails: expect.stringMatching(/^网上竞价 — sealed online bidding; bidding b1/), awardCriteria: 'priceOnly',
      value: { amount: 10_000, currency: 'CNY' }, numberOfTenderers: 2, status: 'complete', items: [{ classification: { scheme: 'X-MKT-SERVICE-ITEM', id: 'SURVEY' } }],
    });
    expect(last['awards']).toEqual([
      expect.objectContaining({ id: 'p1-r1-ag-1', status: 'cancelled', suppliers: [{ id: 'ag-1', name: '甲测绘' }], value: { amount: 8000, currency: 'CNY' } }),
      expect.objectContaining({ id: 'p1-r1-ag-2', status: 'active', value: { amount: 8500, currency: 'CNY' } }),
    ]);
    expect(last['contracts']).toEqual([
      { id: 'p1-c-ag-2', awardID: 'p1-r1-ag-2', status: 'terminated', value: { amount: 8500, currency: 'CNY' }, period: { startDate: '2026-03-02T00:00:00+08:00', endDate: '2026-03-22T00:00:00+08:00' }, dateSigned: '2026-03-01T02:00:00.000Z' },
    ]);
    expect(last['parties']).toContainEqual({ id: 'owner-a', name: 'owner-a', roles: ['buyer', 'procuringEntity'] });
    expect(last['parties']).toContainEqual({ id: 'ag-2', name: '乙测绘', roles: ['tenderer', 'supplier'] });
  });

  it('names the draw, its algorithm and commitment for a draw project, and leaves tie-break draws out', () => {
    const drawProject = [
      ev('projects.ProjectPublished', { projectId: 'p2', round: 1, ownerOrganizationId: 'owner-a', title: '环评', serviceItemCode: 'EIA', budgetCapFen: 100, method: 'RANDOM_DRAW' }, '2026-01-10T02:00:00.000Z'),
      ev('draw.DrawCommitted', { drawId: 'd1', projectId: 'p2', algorithm: 'draw/v1;sha256', pool: ['a', 'b', 'c'], commitment: 'ab'.repeat(32), purpose: 'SELECTION' }, '2026-01-20T02:00:00.000Z'),
      ev('projects.SelectionRecorded', { projectId: 'p2', round: 1, winners: ['a'] }, '2026-01-20T03:00:00.000Z'),
    ];
    const pkg = ocdsReleasePackage('p2', drawProject, publication) as { releases: Record<string, any>[] };
    expect(valid(pkg).ok).toBe(true);
    expect(pkg.releases[1]['tender']['procurementMethodDetails']).toBe(`网上随机抽取 — online random draw among the qualified agencies (verifiable draw protocol draw/v1); draw d1, algorithm draw/v1;sha256, pool of 3, commitment ${'ab'.repeat(32)}`);
    expect(pkg.releases[2]['awards']).toEqual([expect.objectContaining({ id: 'p2-r1-a', status: 'pending' })]);
    expect(pkg.releases[2]['awards'][0]).not.toHaveProperty('value');
  });

  it('adds a tenderAmendment release per amendment, with the OCDS amendment, and the amended terms in the tender', () => {
    const amendedProject = [
      ev('projects.ProjectPublished', { projectId: 'p4', round: 1, ownerOrganizationId: 'owner-a', title: '环评', serviceItemCode: 'EIA', budgetCapFen: 1_000_000, method: 'BIDDING' }, '2026-01-10T02:00:00.000Z'),
      ev('projects.ProjectAmended', {
        projectId: 'p4', round: 1, ownerOrganizationId: 'owner-a', amendment: 1, reason: '预算下调，延长报名', amendedAt: '2026-01-11T02:00:00.000Z',
        changes: [{ term: 'budgetCapFen', before: 1_000_000, after: 900_000 }, { term: 'signUp.closesAt', before: '2026-01-14T02:00:00.000Z', after: '2026-01-16T02:00:00.000Z' }],
        documents: [{ id: 'f1', name: '补充说明.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'cd'.repeat(32) }],
      }, '2026-01-11T02:00:00.000Z'),
      ev('projects.ProjectAmended', {
        projectId: 'p4', round: 1, ownerOrganizationId: 'owner-a', amendment: 2, reason: '改为随机抽取', amendedAt: '2026-01-12T02:00:00.000Z',
        changes: [{ term: 'title', before: '环评', after: '某园区环评' }, { term: 'selection.method', before: 'BIDDING', after: 'RANDOM_DRAW' }, { term: 'selection.quoteForm', before: 'AMOUNT', after: null }],
        documents: [],
      }, '2026-01-12T02:00:00.000Z'),
      ev('projects.SelectionRecorded', { projectId: 'p4', round: 1, winners: ['a'] }, '2026-01-20T03:00:00.000Z'),
    ];
    const pkg = ocdsReleasePackage('p4', amendedProject, publication) as { releases: Record<string, any>[] };
    expect(valid(pkg)).toEqual({ ok: true, errors: [] });
    expect(pkg.releases.map((r) => r['tag'][0])).toEqual(['tender', 'tenderAmendment', 'tenderAmendment', 'award']);
    const [tender, first, second, award] = pkg.releases.map((r) => r['tender']);
    expect(tender).not.toHaveProperty('amendments');
    expect(tender['value']).toEqual({ amount: 10_000, currency: 'CNY' });
    expect(first['value']).toEqual({ amount: 9_000, currency: 'CNY' });
    expect(first['amendments']).toEqual([{
      id: '1', date: '2026-01-11T02:00:00.000Z', rationale: '预算下调，延长报名',
      description: `budgetCapFen: 1000000 → 900000; signUp.closesAt: 2026-01-14T02:00:00.000Z → 2026-01-16T02:00:00.000Z; document added: 补充说明.pdf (sha256 ${'cd'.repeat(32)})`,
      amendsReleaseID: pkg.releases[0]['id'], releaseID: pkg.releases[1]['id'],
    }]);
    expect(first).toMatchObject({ procurementMethodDetails: OCDS_METHOD_DETAILS['BIDDING'], submissionMethod: ['electronicSubmission'] });
    expect(second['amendments'].map((a: Record<string, unknown>) => [a['id'], a['amendsReleaseID'], a['releaseID']])).toEqual([
      ['1', pkg.releases[0]['id'], pkg.releases[1]['id']],
      ['2', pkg.releases[1]['id'], pkg.releases[2]['id']],
    ]);
    expect(second['amendments'][1]['description']).toBe('title: 环评 → 某园区环评; selection.method: BIDDING → RANDOM_DRAW; selection.quoteForm: AMOUNT → (none)');
    expect(second).toMatchObject({ title: '某园区环评', items: [{ description: '某园区环评' }], procurementMethod: 'selective', procurementMethodDetails: OCDS_METHOD_DETAILS['RANDOM_DRAW'] });
    expect(second).not.toHaveProperty('submissionMethod');
    // Later releases carry the whole list; earlier ones are not rewritten.
    expect(award['amendments']).toHaveLength(2);
    expect(first['amendments']).toHaveLength(1);
  });

  it('refuses an amendment whose date is no date-time, by path', () => {
    const pkg = ocdsReleasePackage('p5', [
      ev('projects.ProjectPublished', { projectId: 'p5', round: 1, ownerOrganizationId: 'owner-a', title: '环评', serviceItemCode: 'EIA', budgetCapFen: 100, method: 'RANDOM_DRAW' }, '2026-01-10T02:00:00.000Z'),
      ev('projects.ProjectAmended', { projectId: 'p5', round: 1, amendment: 1, reason: '延长报名', amendedAt: '2026-01-11', changes: [], documents: [] }, '2026-01-11T02:00:00.000Z'),
    ], publication) as { releases: Record<string, any>[] };
    expect(valid(pkg).errors).toContain('/releases/1/tender/amendments/0/date must match format "date-time"');
  });

  it('opens a new tender for a reposted round and ends it with a tenderCancellation when the owner withdraws the project', () => {
    const pkg = ocdsReleasePackage('p6', [
      ev('projects.ProjectPublished', { projectId: 'p6', round: 1, ownerOrganizationId: 'owner-a', title: '环评', serviceItemCode: 'EIA', budgetCapFen: 100, method: 'RANDOM_DRAW' }, '2026-01-10T02:00:00.000Z'),
      ev('projects.RoundFailed', { projectId: 'p6', round: 1, reason: 'TOO_FEW_SIGN_UPS', required: 3, actual: 1 }, '2026-01-20T02:00:00.000Z'),
      ev('projects.ProjectPublished', { projectId: 'p6', round: 2, ownerOrganizationId: 'owner-a', title: '环评（重新发布）', serviceItemCode: 'EIA', budgetCapFen: 100, method: 'RANDOM_DRAW' }, '2026-01-21T02:00:00.000Z'),
      ev('projects.ProjectCancelled', { projectId: 'p6', round: 2, ownerOrganizationId: 'owner-a', from: 'PUBLISHED', reason: '项目取消立项', cancelledAt: '2026-01-25T02:00:00.000Z' }, '2026-01-25T02:00:00.000Z'),
    ], publication) as { releases: Record<string, any>[] };

    expect(valid(pkg)).toEqual({ ok: true, errors: [] });
    expect(pkg.releases.map((r) => [r['tag'][0], r['tender'].id, r['tender'].status])).toEqual([
      ['tender', 'p6-r1', 'active'], ['tenderUpdate', 'p6-r1', 'unsuccessful'], ['tender', 'p6-r2', 'active'], ['tenderCancellation', 'p6-r2', 'cancelled'],
    ]);
    expect(pkg.releases[2]['tender'].title).toBe('环评（重新发布）');
  });

  it('has nothing to publish for a project the log never saw published', () => {
    expect(ocdsReleasePackage('p3', [], publication)).toBeNull();
  });
});

describe('ocdsSchemaValidator', () => {
  it('names what breaks the schema: a missing ocid, a status off the codelist, a date that is no date-time', () => {
    const pkg = ocdsReleasePackage('p1', biddingProject, publication) as { releases: Record<string, any>[] };
    const broken = structuredClone(pkg);
    delete broken.releases[0]['ocid'];
    broken.releases[1]['tender']['status'] = 'open';
    broken.releases[2]['date'] = '2026-02-10';
    const { ok, errors } = valid(broken);
    expect(ok).toBe(false);
    expect(errors).toEqual(expect.arrayContaining([
      "/releases/0 must have required property 'ocid'",
      '/releases/1/tender/status must be equal to one of the allowed values',
      '/releases/2/date must match format "date-time"',
    ]));
  });
});
