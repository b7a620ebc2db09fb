import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { SelectionRequestedV1 } from '@mkt/projects/contracts';
import { ServiceItemPublishedV1 } from '@mkt/registry/contracts';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { responseCheckOf } from '@mkt/shared/http';
import type { ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient } from '@mkt/shared/testing';
import { EIA_REPORT_ITEM, eiaReportPosting as posting, startProjectsSpecApp } from './projects-spec-app';

/**
 * A credit-weighted draw (信用择优) as the web form posts it: the threshold refused by name outside the score's
 * bounds, the weight function refused unless published; the threshold and function announced with the entropy
 * source before sign-up, and the source in the owner's and the agency's own lists.
 */
const secret = 'projects-credit-rule-spec-secret-0123456';
const clock = new FixedClock(new Date('2026-03-02T01:00:00.000Z'));
const DAY = 86_400_000;

const owner = issueTestToken(secret, { userId: 'OWNER-credit', role: 'OWNER', organizationId: 'owner-credit' });
const agencyId = randomUUID();
const agency = issueTestToken(secret, { userId: 'AGENCY-credit', role: 'AGENCY', organizationId: agencyId });

const weighted = { method: 'CREDIT_WEIGHTED_DRAW', winners: 1, alternates: 1, minimumCandidates: 2, minimumCreditScore: 70, weightFunction: 'credit-linear/v1' };
const window = () => ({ mode: 'WINDOW', opensAt: clock.now().toISOString(), closesAt: new Date(clock.now().getTime() + 4 * DAY).toISOString() });

describe('projects service: the credit rule of a credit-weighted draw', () => {
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
  const ownItemOf = async (id: string) => ((await call('GET', '/api/projects/mine', { token: owner })).body.items as { id: string }[]).find((x) => x.id === id);
  const signUpOf = async (id: string) => ((await call('GET', '/api/projects/sign-ups/mine', { token: agency })).body.items as { projectId: string }[]).find((x) => x.projectId === id);

  beforeAll(async () => {
    ({ app, base, projects } = await startProjectsSpecApp({ secret, clock, checkResponses: true }));
    await projects.inbox.deliver(eventMessage(ServiceItemPublishedV1, EIA_REPORT_ITEM.code, EIA_REPORT_ITEM));
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['no threshold (an empty input)', { ...weighted, minimumCreditScore: null }, 'PROJECTS.INVALID_SELECTION', 'selection.minimumCreditScore'],
    ['a threshold below 0', { ...weighted, minimumCreditScore: -5 }, 'PROJECTS.INVALID_SELECTION', 'selection.minimumCreditScore'],
    ['a threshold above the score ceiling of 100', { ...weighted, minimumCreditScore: 101 }, 'PROJECTS.INVALID_SELECTION', 'selection.minimumCreditScore'],
    ['a weight function nobody published', { ...weighted, weightFunction: 'credit-square/v9' }, 'PROJECTS.UNKNOWN_WEIGHT_FUNCTION', 'selection.weightFunction'],
    ['observers on a drand draw', { ...weighted, entropySource: 'drand', observers: [{ userId: randomUUID(), label: '公证员' }] }, 'PROJECTS.INVALID_OBSERVERS', 'selection.observers'],
  ])('refuses %s with a 400 naming the field', async (_, selection, code, field) => {
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting('某环评（信用择优）', selection) })).toMatchObject({ status: 400, body: { code, field } });
  });

  it('announces the threshold and the weight function with the entropy source, and asks the draw service for exactly them', async () => {
    const id = await published(posting('某园区环评（信用择优）', { ...weighted, entropySource: 'drand' }));
    expect(await announcementOf(id)).toMatchObject({ method: 'CREDIT_WEIGHTED_DRAW', entropySource: 'drand', creditRule: { minimumCreditScore: 70, weightFunction: 'credit-linear/v1' } });
    expect(await ownItemOf(id)).toMatchObject({ method: 'CREDIT_WEIGHTED_DRAW', entropySource: 'drand' });

    expect((await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner })).body.status).toBe('SELECTING');
    const rows = await projects.database.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = 'projects.SelectionRequested' AND aggregate_id = $1`, [id]);
    const requested: SelectionRequestedV1 = JSON.parse(rows[0].envelope).payload;
    expect(requested).toMatchObject({ method: 'CREDIT_WEIGHTED_DRAW', creditThreshold: 70, weightFunction: 'credit-linear/v1', entropySource: 'drand', witnesses: [] });
  });

  it("shows a signed-up agency the method and the draw's entropy source in its own list", async () => {
    const id = await published(posting('某水库环评（信用择优，报名）', weighted, window()));
    expect((await call('POST', `/api/projects/projects/${id}/sign-ups`, { token: agency })).status).toBe(200);
    expect(await signUpOf(id)).toMatchObject({ method: 'CREDIT_WEIGHTED_DRAW', entropySource: 'witnesses', outcome: 'PENDING' });
    expect(await announcementOf(id)).toMatchObject({ entropySource: 'witnesses', creditRule: { minimumCreditScore: 70 } });
  });

  it('announces no credit rule and no entropy source where there is no draw', async () => {
    const id = await published(posting('某厂区环评（竞价）', { method: 'BIDDING', minimumValidBids: 3, evaluation: { rule: 'LOWEST_PRICE' }, quoteForm: 'AMOUNT', bidDeadline: '2026-03-20T01:00:00Z' }));
    expect(await announcementOf(id)).toMatchObject({ method: 'BIDDING', entropySource: null, creditRule: null });
    expect(await ownItemOf(id)).toMatchObject({ method: 'BIDDING', entropySource: null });
    const draw = await published(posting('某道路环评（随机抽取）', { method: 'RANDOM_DRAW', winners: 1, alternates: 0, minimumCandidates: 3 }));
    expect(await announcementOf(draw)).toMatchObject({ entropySource: 'witnesses', creditRule: null });
  });

  it('answered as the routes declare it: announcements with the credit rule, own lists with the entropy source', () => {
    const { checked, violations } = responseCheckOf(app);
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });
});
