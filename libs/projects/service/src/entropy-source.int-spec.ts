import type { INestApplication } from '@nestjs/common';
import type { SelectionRequestedV1 } from '@mkt/projects/contracts';
import { ServiceItemPublishedV1 } from '@mkt/registry/contracts';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { responseCheckOf } from '@mkt/shared/http';
import type { ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient } from '@mkt/shared/testing';
import { EIA_REPORT_ITEM, eiaReportPosting as posting, startProjectsSpecApp } from './projects-spec-app';

/**
 * A draw's entropy source as a project term: chosen when posting (witnesses by default, or the drand beacon),
 * refused by name when malformed or combined with observers, announced before sign-up, changed only by a recorded
 * amendment, and carried on the selection request the draw service answers.
 */
const secret = 'projects-entropy-source-spec-secret-0123';
const clock = new FixedClock(new Date('2026-03-02T01:00:00.000Z'));
const DAY = 86_400_000;

const owner = issueTestToken(secret, { userId: 'OWNER-entropy', role: 'OWNER', organizationId: 'owner-entropy' });
const notary = { userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: '公证员 张敏' };

const draw = { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 3 };

describe('projects service: the entropy source of a draw', () => {
  let app: INestApplication;
  let base: string;
  let projects: ServicePlatform;
  const call = jsonClient(() => base);

  async function published(body: unknown): Promise<string> {
    const draft = await call('POST', '/api/projects/projects', { token: owner, body });
    expect(draft.status).toBe(201);
    expect((await call('POST', `/api/projects/projects/${draft.body.id}/publish`, { token: owner })).status).toBe(200);
    return draft.body.id;
  }

  const announcementOf = async (id: string) => ((await call('GET', '/api/projects/announcements')).body as { id: string }[]).find((a) => a.id === id);

  async function selectionRequested(id: string): Promise<SelectionRequestedV1> {
    const rows = await projects.database.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = 'projects.SelectionRequested' AND aggregate_id = $1`, [id]);
    expect(rows).toHaveLength(1);
    return JSON.parse(rows[0].envelope).payload;
  }

  beforeAll(async () => {
    ({ app, base, projects } = await startProjectsSpecApp({ secret, clock, checkResponses: true }));
    await projects.inbox.deliver(eventMessage(ServiceItemPublishedV1, EIA_REPORT_ITEM.code, EIA_REPORT_ITEM));
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown source', { ...draw, entropySource: 'coin' }, 'PROJECTS.INVALID_SELECTION', 'selection.entropySource'],
    ['observers on a drand draw', { ...draw, entropySource: 'drand', observers: [notary] }, 'PROJECTS.INVALID_OBSERVERS', 'selection.observers'],
    ['a source for bidding', { method: 'BIDDING', minimumValidBids: 3, evaluation: { rule: 'LOWEST_PRICE' }, quoteForm: 'AMOUNT', bidDeadline: '2026-03-20T01:00:00Z', entropySource: 'drand' }, 'PROJECTS.INVALID_SELECTION', 'selection.entropySource'],
  ])('refuses %s with a 400 naming the field', async (_, selection, code, field) => {
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting('某环评', selection) })).toMatchObject({ status: 400, body: { code, field } });
  });

  it('announces a drand draw as such and asks the draw service for the beacon, with no witnesses', async () => {
    const id = await published(posting('某园区环评（drand 抽取）', { ...draw, entropySource: 'drand' }));
    expect((await call('GET', `/api/projects/projects/${id}`, { token: owner })).body.terms.selection).toEqual({ ...draw, entropySource: 'drand' });
    expect(await announcementOf(id)).toMatchObject({ method: 'RANDOM_DRAW', entropySource: 'drand' });

    expect((await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner })).body.status).toBe('SELECTING');
    expect(await selectionRequested(id)).toMatchObject({ method: 'RANDOM_DRAW', entropySource: 'drand', witnesses: [], observers: [] });
  });

  it('takes witnesses by default and announces them, with the owner, a supervisor and the observers named', async () => {
    const id = await published(posting('某道路环评（见证人抽取）', { ...draw, observers: [notary] }));
    expect(await announcementOf(id)).toMatchObject({ entropySource: 'witnesses' });
    await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner });
    expect(await selectionRequested(id)).toMatchObject({ entropySource: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'], observers: [notary] });
  });

  it('announces no entropy source for bidding', async () => {
    const id = await published(posting('某厂区环评（竞价）', { method: 'BIDDING', minimumValidBids: 3, evaluation: { rule: 'LOWEST_PRICE' }, quoteForm: 'AMOUNT', bidDeadline: '2026-03-20T01:00:00Z' }));
    expect(await announcementOf(id)).toMatchObject({ method: 'BIDDING', entropySource: null });
  });

  it('changes the source after publication only by a recorded amendment, which the announcement then shows', async () => {
    const opensAt = clock.now().toISOString();
    const id = await published(posting('某水库环评（报名）', draw, { mode: 'WINDOW', opensAt, closesAt: new Date(clock.now().getTime() + 4 * DAY).toISOString() }));
    expect(await announcementOf(id)).toMatchObject({ entropySource: 'witnesses' });
    const signUp = { mode: 'WINDOW', opensAt, closesAt: new Date(clock.now().getTime() + 6 * DAY).toISOString() };
    const amended = await call('POST', `/api/projects/projects/${id}/amendments`, { token: owner, body: { reason: '改用 drand 公共随机数', changes: { selection: { ...draw, entropySource: 'drand' }, signUp } } });
    expect(amended.status).toBe(200);
    const { body } = await call('GET', `/api/projects/projects/${id}`, { token: owner });
    expect(body.history.find((h: { kind: string }) => h.kind === 'amended').event).toMatchObject({ amendment: 1, changedFields: ['selection', 'signUp'] });
    expect(await announcementOf(id)).toMatchObject({ entropySource: 'drand' });
  });

  it('answered as the routes declare it, the announcement with its entropy source', () => {
    const { checked, violations } = responseCheckOf(app);
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });
});
