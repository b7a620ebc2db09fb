import { createHash, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { ProjectAmendedV1, ProjectCancelledV1, ProjectPublishedV1, SelectionRequestedV1 } from '@mkt/projects/contracts';
import { ServiceItemPublishedV1 } from '@mkt/registry/contracts';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { responseCheckOf } from '@mkt/shared/http';
import type { ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient } from '@mkt/shared/testing';
import { EIA_REPORT_ITEM, startProjectsSpecApp } from './projects-spec-app';

/**
 * An amendment as the rest of the marketplace learns of it: a ProjectAmended event in the outbox with the state
 * change, carrying the number, reason, time, the announced values before and after and the documents it announces
 * — never the conflict list, nor the sign-ups it dropped. The sign-up close moves with it, and the selection request
 * that draw and bidding answer carries the amended terms.
 */
const secret = 'projects-amendments-spec-secret-012345678';
const clock = new FixedClock(new Date('2026-03-02T01:00:00.000Z'));
const DAY = 86_400_000;

const owner = issueTestToken(secret, { userId: 'OWNER-amend', role: 'OWNER', organizationId: 'owner-amend' });
const agency = (id: string) => issueTestToken(secret, { userId: `AGENCY-${id}`, role: 'AGENCY', organizationId: id });
const [a1, a2, a3, related] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const CONFLICT_REASON = '法定代表人系业主近亲属';

const draw = { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 2 };
const iso = (ms: number) => new Date(ms).toISOString();
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('projects service: an amendment published to the other services', () => {
  let app: INestApplication;
  let base: string;
  let projects: ServicePlatform;
  const call = jsonClient(() => base);

  async function published(selection: Record<string, unknown>, signUp: Record<string, unknown>): Promise<string> {
    const draft = await call('POST', '/api/projects/projects', {
      token: owner,
      body: { title: '某片区环评', serviceItemCode: 'EIA-REPORT', description: '环评报告书', budgetCapFen: 8_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 30, selection, signUp, conflicts: [] },
    });
    expect(draft.status).toBe(201);
    expect((await call('POST', `/api/projects/projects/${draft.body.id}/publish`, { token: owner })).status).toBe(200);
    return draft.body.id;
  }

  async function outbox<T>(type: string, id: string): Promise<T[]> {
    const rows = await projects.database.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = $1 AND aggregate_id = $2 ORDER BY seq`, [type, id]);
    return rows.map((r: { envelope: string }) => JSON.parse(r.envelope).payload);
  }

  const upload = async (projectId: string, content: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/octet-stream' }), name);
    const res = await fetch(`${base}/api/projects/projects/${projectId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${owner}` }, body: form });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  };

  beforeAll(async () => {
    ({ app, base, projects } = await startProjectsSpecApp({ secret, clock, checkResponses: true }));
    await projects.inbox.deliver(eventMessage(ServiceItemPublishedV1, EIA_REPORT_ITEM.code, EIA_REPORT_ITEM));
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('publishes the amendment with what changed, never the conflict list; the close moves and selection asks on the amended terms', async () => {
    const start = clock.now().getTime();
    const opensAt = iso(start);
    const firstClose = iso(start + 4 * DAY);
    const id = await published(draw, { mode: 'WINDOW', opensAt, closesAt: firstClose });
    for (const a of [a1, a2, a3, related]) expect((await call('POST', `/api/projects/projects/${id}/sign-ups`, { token: agency(a) })).status).toBe(200);

    // A refused amendment commits nothing: no event either.
    const refused = await call('POST', `/api/projects/projects/${id}/amendments`, { token: owner, body: { reason: '延期', changes: { signUp: { mode: 'WINDOW', opensAt, closesAt: iso(start + 2 * DAY) } } } });
    expect(refused).toMatchObject({ status: 400, body: { field: 'signUp.closesAt' } });
    expect(await outbox('projects.ProjectAmended', id)).toEqual([]);

    clock.advance(DAY);
    const document = await upload(id, PDF, '补充技术要求.pdf');
    const newClose = iso(start + 6 * DAY);
    const amended = await call('POST', `/api/projects/projects/${id}/amendments`, {
      token: owner,
      body: {
        reason: '预算调整，增加一名中选机构',
        changes: {
          budgetCapFen: 7_500_000,
          selection: { ...draw, winners: 2, alternates: 1, minimumCandidates: 2 },
          signUp: { mode: 'WINDOW', opensAt, closesAt: newClose },
          conflicts: [{ agencyId: related, reason: CONFLICT_REASON }],
        },
        attachmentIds: [document.id],
      },
    });
    expect(amended.status).toBe(200);

    const [event, ...more] = await outbox<ProjectAmendedV1>('projects.ProjectAmended', id);
    expect(more).toEqual([]);
    expect(event).toEqual({
      projectId: id, round: 1, ownerOrganizationId: 'owner-amend', amendment: 1, reason: '预算调整，增加一名中选机构', amendedAt: clock.now().toISOString(),
      changes: [
        { term: 'budgetCapFen', before: 8_000_000, after: 7_500_000 },
        { term: 'selection.winners', before: 1, after: 2 },
        { term: 'signUp.closesAt', before: firstClose, after: newClose },
      ],
      documents: [{ id: document.id, name: '补充技术要求.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') }],
    });
    // Neither the declared firm, nor the reason, nor the sign-up the declaration dropped.
    const text = JSON.stringify(event);
    for (const secretValue of [related, CONFLICT_REASON, 'conflict', 'CONFLICT_DECLARED']) expect(text).not.toContain(secretValue);

    // The first close passes: the scheduler was re-armed at the new one, so nothing happens yet.
    clock.set(new Date(Date.parse(firstClose) + 1000));
    await projects.scheduler.runDue();
    expect((await call('GET', `/api/projects/projects/${id}`, { token: owner })).body.status).toBe('PUBLISHED');
    expect(await outbox('projects.SelectionRequested', id)).toEqual([]);

    clock.set(new Date(Date.parse(newClose) + 1000));
    await projects.scheduler.runDue();
    const [requested] = await outbox<SelectionRequestedV1>('projects.SelectionRequested', id);
    expect(requested).toMatchObject({ winners: 2, alternates: 1, minimumCandidates: 2, signedUpAgencyIds: [a1, a2, a3], conflictAgencyIds: [related] });
  });

  it('gives the bidding service the amended deadline and cap', async () => {
    const start = clock.now().getTime();
    const bidding = { method: 'BIDDING', minimumValidBids: 2, evaluation: { rule: 'LOWEST_PRICE' }, quoteForm: 'AMOUNT', bidDeadline: iso(start + 6 * DAY) };
    const id = await published(bidding, { mode: 'ALL_ELIGIBLE' });
    const amended = await call('POST', `/api/projects/projects/${id}/amendments`, {
      token: owner,
      body: { reason: '延长报价时间', changes: { budgetCapFen: 6_000_000, selection: { ...bidding, bidDeadline: iso(start + 9 * DAY) } } },
    });
    expect(amended.status).toBe(200);
    expect((await outbox<ProjectAmendedV1>('projects.ProjectAmended', id))[0].changes).toEqual([
      { term: 'budgetCapFen', before: 8_000_000, after: 6_000_000 },
      { term: 'selection.bidDeadline', before: iso(start + 6 * DAY), after: iso(start + 9 * DAY) },
    ]);
    expect((await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner })).body.status).toBe('SELECTING');
    const [requested] = await outbox<SelectionRequestedV1>('projects.SelectionRequested', id);
    expect(requested.bidding).toMatchObject({ deadline: iso(start + 9 * DAY), capFen: 6_000_000 });
  });

  it('leaves no close behind when an amendment drops the sign-up window: the owner starts selection', async () => {
    const start = clock.now().getTime();
    const firstClose = iso(start + 4 * DAY);
    const id = await published(draw, { mode: 'WINDOW', opensAt: iso(start), closesAt: firstClose });
    expect((await call('POST', `/api/projects/projects/${id}/sign-ups`, { token: agency(a1) })).status).toBe(200);
    const amended = await call('POST', `/api/projects/projects/${id}/amendments`, { token: owner, body: { reason: '改为所有符合条件的机构参加', changes: { signUp: { mode: 'ALL_ELIGIBLE' } } } });
    expect(amended.status).toBe(200);
    expect((await outbox<ProjectAmendedV1>('projects.ProjectAmended', id))[0].changes).toEqual([
      { term: 'signUp.mode', before: 'WINDOW', after: 'ALL_ELIGIBLE' },
      { term: 'signUp.opensAt', before: iso(start), after: null },
      { term: 'signUp.closesAt', before: firstClose, after: null },
    ]);

    clock.set(new Date(Date.parse(firstClose) + 1000));
    await projects.scheduler.runDue();
    const [task] = await projects.database.dataSource.query(`SELECT done_at, attempts, last_error FROM scheduled_task WHERE key = $1`, [id]);
    expect(task).toMatchObject({ attempts: 0, last_error: null });
    expect(task.done_at).not.toBeNull();
    expect((await call('GET', `/api/projects/projects/${id}`, { token: owner })).body.status).toBe('PUBLISHED');
    expect((await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner })).body.status).toBe('SELECTING');
  });

  it('announces a reposted round with its terms and closes its window on time; announces a cancellation, never a draft’s', async () => {
    const start = clock.now().getTime();
    const id = await published(draw, { mode: 'WINDOW', opensAt: iso(start), closesAt: iso(start + 4 * DAY) });
    clock.set(new Date(start + 4 * DAY + 1000));
    await projects.scheduler.runDue();
    expect((await call('GET', `/api/projects/projects/${id}`, { token: owner })).body).toMatchObject({ status: 'FAILED', round: 1 });

    const secondClose = iso(start + 9 * DAY);
    const reposted = await call('POST', `/api/projects/projects/${id}/repost`, {
      token: owner, body: { reason: '报名不足，重新发布', changes: { title: '某片区环评（重新发布）', signUp: { mode: 'WINDOW', opensAt: iso(start + 4 * DAY + 1000), closesAt: secondClose } } },
    });
    expect(reposted.body).toMatchObject({ status: 'PUBLISHED', round: 2 });
    const announcements = await outbox<ProjectPublishedV1>('projects.ProjectPublished', id);
    expect(announcements.map((a) => [a.round, a.title, a.signUpClosesAt])).toEqual([[1, '某片区环评', iso(start + 4 * DAY)], [2, '某片区环评（重新发布）', secondClose]]);
    // The second window closes by itself, as the first did: nobody signed up, so round 2 fails too.
    clock.set(new Date(Date.parse(secondClose) + 1000));
    await projects.scheduler.runDue();
    expect((await call('GET', `/api/projects/projects/${id}`, { token: owner })).body).toMatchObject({ status: 'FAILED', round: 2 });

    expect((await call('POST', `/api/projects/projects/${id}/cancel`, { token: owner, body: { reason: '项目取消立项' } })).body.status).toBe('CANCELLED');
    expect(await outbox<ProjectCancelledV1>('projects.ProjectCancelled', id)).toEqual([
      { projectId: id, round: 2, ownerOrganizationId: 'owner-amend', from: 'FAILED', reason: '项目取消立项', cancelledAt: clock.now().toISOString() },
    ]);

    const draft = await call('POST', '/api/projects/projects', {
      token: owner,
      body: { title: '未发布的草稿', serviceItemCode: 'EIA-REPORT', description: '环评报告书', budgetCapFen: 8_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 30, selection: draw, signUp: { mode: 'ALL_ELIGIBLE' }, conflicts: [] },
    });
    expect((await call('POST', `/api/projects/projects/${draft.body.id}/cancel`, { token: owner, body: { reason: '不再需要' } })).body.status).toBe('CANCELLED');
    expect(await outbox('projects.ProjectCancelled', draft.body.id)).toEqual([]);
  });

  it('answered as the routes declare it', () => {
    const { checked, violations } = responseCheckOf(app);
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });
});
