import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ServiceItemPublishedV1 } from '@mkt/registry/contracts';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { responseCheckOf } from '@mkt/shared/http';
import type { ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient } from '@mkt/shared/testing';
import { EIA_REPORT_ITEM, startProjectsSpecApp } from './projects-spec-app';

/** The "mine" lists: an owner organisation's projects with their next step, an agency's sign-ups with the outcome. */
const secret = 'projects-own-lists-spec-secret-0123456789';
const clock = new FixedClock(new Date('2026-03-02T01:00:00.000Z'));
const DAY = 86_400_000;

const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-${org}`, role, organizationId: org });
const owner = token('OWNER', 'owner-lists-a');
const otherOwner = token('OWNER', 'owner-lists-b');
const [a1, a2, a3, a4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const agency = (id: string) => token('AGENCY', id);

const posting = (title: string, overrides: Record<string, unknown> = {}) => ({
  title, serviceItemCode: 'EIA-REPORT', description: '环评报告书', budgetCapFen: 8_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 30,
  selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 3 }, signUp: { mode: 'ALL_ELIGIBLE' }, conflicts: [], ...overrides,
});

describe('projects service: my projects and my sign-ups', () => {
  let app: INestApplication;
  let base: string;
  let projects: ServicePlatform;
  const call = jsonClient(() => base);
  const ids: Record<'window' | 'draft' | 'open' | 'others', string> = { window: '', draft: '', open: '', others: '' };
  let closesAt = '';

  const mine = async (query = '', as = owner) => call('GET', `/api/projects/mine${query}`, { token: as });
  const signUps = async (id: string, query = '') => call('GET', `/api/projects/sign-ups/mine${query}`, { token: agency(id) });
  const itemOf = async (id: string) => ((await mine()).body.items as { id: string }[]).find((x) => x.id === id) as Record<string, unknown> | undefined;
  const signUpOf = async (agencyId: string, projectId: string) => ((await signUps(agencyId)).body.items as { projectId: string }[]).find((x) => x.projectId === projectId) as Record<string, unknown> | undefined;

  async function draft(as: string, body: unknown): Promise<string> {
    const res = await call('POST', '/api/projects/projects', { token: as, body });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  beforeAll(async () => {
    ({ app, base, projects } = await startProjectsSpecApp({ secret, clock, checkResponses: true }));
    await projects.inbox.deliver(eventMessage(ServiceItemPublishedV1, EIA_REPORT_ITEM.code, EIA_REPORT_ITEM));

    closesAt = new Date(clock.now().getTime() + 4 * DAY).toISOString();
    ids.window = await draft(owner, posting('某化工园区环评（直接选取）', {
      selection: { method: 'DIRECT_SELECTION', justification: '预算低于十万元，按规定直接选取' },
      signUp: { mode: 'WINDOW', opensAt: clock.now().toISOString(), closesAt },
    }));
    ids.draft = await draft(owner, posting('某污水厂环评（草稿）'));
    ids.open = await draft(owner, posting('某道路环评（所有符合条件的机构）'));
    ids.others = await draft(otherOwner, posting('另一业主的项目'));
    for (const [id, as] of [[ids.window, owner], [ids.open, owner], [ids.others, otherOwner]] as const) {
      expect((await call('POST', `/api/projects/projects/${id}/publish`, { token: as })).status).toBe(200);
    }
    for (const a of [a1, a2, a3]) expect((await call('POST', `/api/projects/projects/${ids.window}/sign-ups`, { token: agency(a) })).status).toBe(200);
    expect((await call('DELETE', `/api/projects/projects/${ids.window}/sign-ups`, { token: agency(a3) })).status).toBe(200);
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it("lists the owner organisation's projects, drafts included, with counts by status and what each waits for", async () => {
    const res = await mine();
    expect(res).toMatchObject({ status: 200, body: { offset: 0, limit: 50, total: 3, countsByStatus: { DRAFT: 1, PUBLISHED: 2 } } });
    expect(res.body.items.map((x: { id: string }) => x.id).sort()).toEqual([ids.window, ids.draft, ids.open].sort());
    expect(await itemOf(ids.draft)).toMatchObject({ status: 'DRAFT', round: 0, publishedAt: null, nextAction: { kind: 'PUBLISH', by: 'OWNER', due: null } });
    expect(await itemOf(ids.window)).toMatchObject({
      title: '某化工园区环评（直接选取）', method: 'DIRECT_SELECTION', status: 'PUBLISHED', round: 1, budgetCapFen: 8_000_000, signUpCount: 2,
      nextAction: { kind: 'AWAIT_SIGN_UP_CLOSE', by: 'MARKETPLACE', due: closesAt },
    });
    expect(await itemOf(ids.open)).toMatchObject({ status: 'PUBLISHED', nextAction: { kind: 'REQUEST_SELECTION', by: 'OWNER' } });

    const other = await mine('', otherOwner);
    expect(other.body).toMatchObject({ total: 1, countsByStatus: { PUBLISHED: 1 } });
    expect(other.body.items.map((x: { id: string }) => x.id)).toEqual([ids.others]);
  });

  it('filters by status and pages, refusing a bad status or page size by name', async () => {
    expect((await mine('?status=DRAFT')).body).toMatchObject({ total: 1, items: [{ id: ids.draft }] });
    expect((await mine('?status=EVALUATED')).body).toMatchObject({ total: 0, items: [] });
    const pages = [await mine('?limit=2&offset=0'), await mine('?limit=2&offset=2')];
    expect(pages.map((p) => p.body.items.length)).toEqual([2, 1]);
    expect(pages[1].body).toMatchObject({ offset: 2, limit: 2, total: 3 });
    expect(new Set(pages.flatMap((p) => p.body.items.map((x: { id: string }) => x.id))).size).toBe(3);
    expect(await mine('?status=FINISHED')).toMatchObject({ status: 400, body: { field: 'status' } });
    expect(await mine('?limit=0')).toMatchObject({ status: 400, body: { field: 'limit' } });
    expect(await mine('?offset=-1')).toMatchObject({ status: 400, body: { field: 'offset' } });
  });

  it("lists an agency's sign-ups with the project's status, pending until selection, and a withdrawal as such", async () => {
    const res = await signUps(a1);
    expect(res).toMatchObject({ status: 200, body: { total: 1, items: [{ projectId: ids.window, projectStatus: 'PUBLISHED', outcome: 'PENDING', selected: false, award: null }] } });
    expect(res.body.items[0].signUp).toEqual({ round: 1, signedUpAt: clock.now().toISOString(), withdrawnAt: null });
    expect(res.body.items[0].signUpRule).toEqual({ mode: 'WINDOW', opensAt: expect.any(String), closesAt });
    expect((await signUps(a3)).body.items).toEqual([expect.objectContaining({ projectId: ids.window, outcome: 'WITHDRAWN', signUp: expect.objectContaining({ withdrawnAt: expect.any(String) }) })]);
    expect((await signUps(a4)).body).toMatchObject({ total: 0, items: [] });
    expect((await signUps(a1, '?status=SELECTING')).body).toMatchObject({ total: 0, items: [] });
    // One project's sign-up, as the project page asks for it.
    expect((await signUps(a1, `?projectId=${ids.window}`)).body).toMatchObject({ total: 1, items: [{ projectId: ids.window }] });
    expect((await signUps(a1, `?projectId=${ids.open}`)).body).toMatchObject({ total: 0, items: [] });
    expect((await signUps(a1, '?projectId=not-a-project')).body).toMatchObject({ code: 'VALIDATION.FAILED', field: 'projectId' });
  });

  it('follows the project through selection: the selected agency sees it, the others see they were not, the owner sees whose move it is', async () => {
    clock.set(new Date(Date.parse(closesAt) + 1000));
    await projects.scheduler.runDue();
    expect(await itemOf(ids.window)).toMatchObject({ status: 'SELECTING', nextAction: { kind: 'SELECT_DIRECTLY', by: 'OWNER' } });
    expect(await signUpOf(a1, ids.window)).toMatchObject({ projectStatus: 'SELECTING', outcome: 'PENDING' });

    expect((await call('POST', `/api/projects/projects/${ids.window}/direct-selection`, { token: owner, body: { agencyId: a1 } })).status).toBe(200);
    const inPublicity = await itemOf(ids.window);
    expect(inPublicity).toMatchObject({ status: 'PUBLICITY', nextAction: { kind: 'AWAIT_PUBLICITY_END', by: 'MARKETPLACE', due: expect.any(String) } });
    expect(await signUpOf(a1, ids.window)).toMatchObject({ projectStatus: 'PUBLICITY', outcome: 'SELECTED', selected: true, publicityEndsAt: (inPublicity?.nextAction as { due: string }).due });
    expect(await signUpOf(a2, ids.window)).toMatchObject({ projectStatus: 'PUBLICITY', outcome: 'NOT_SELECTED', selected: false });
    expect(await signUpOf(a3, ids.window)).toMatchObject({ outcome: 'WITHDRAWN', selected: false });

    clock.set(new Date((inPublicity?.nextAction as { due: string }).due));
    await projects.scheduler.runDue();
    const awarded = await signUpOf(a1, ids.window);
    expect(awarded).toMatchObject({ projectStatus: 'AWARDED', selected: true, award: { respondBy: expect.any(String), acceptedAt: null } });
    expect(await itemOf(ids.window)).toMatchObject({ status: 'AWARDED', nextAction: { kind: 'AWAIT_WINNER_RESPONSE', by: 'AGENCY', due: (awarded?.award as { respondBy: string }).respondBy } });
    expect((await call('POST', `/api/projects/projects/${ids.window}/award/accept`, { token: agency(a1) })).status).toBe(200);
    expect(await itemOf(ids.window)).toMatchObject({ nextAction: { kind: 'RECORD_CONTRACT', by: 'OWNER' } });
    expect(await signUpOf(a1, ids.window)).toMatchObject({ award: { acceptedAt: expect.any(String) } });
    expect((await mine()).body.countsByStatus).toEqual({ DRAFT: 1, PUBLISHED: 1, AWARDED: 1 });
  });

  it('answers only its own role: an agency has no "my projects", an owner no "my sign-ups"', async () => {
    expect(await mine('', agency(a1))).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(await call('GET', '/api/projects/sign-ups/mine', { token: owner })).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(await call('GET', '/api/projects/mine')).toMatchObject({ status: 401 });
    expect(await call('GET', '/api/projects/sign-ups/mine')).toMatchObject({ status: 401 });
  });

  it('answered every list above as the routes declare it', () => {
    const { checked, violations } = responseCheckOf(app);
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
