import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { INestApplication } from '@nestjs/common';
import { CatalogSeeder } from '@mkt/registry/service';
import type { Role } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp, HttpRouteCatalog, responseCheckOf, routeKey, undescribedRoutes, type HttpRoute } from '@mkt/shared/http';
import { jsonClient, waitFor } from '@mkt/shared/testing';
// The real composition root, not a copy: the matrix must see exactly the routes embedded mode serves.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MarketplaceModule } from '../../marketplace/src/marketplace.module';
import { AgencyJourney } from './agency-journey';

/**
 * Every route of the embedded marketplace × every caller (ADMIN, OWNER, AGENCY, SUPERVISOR, no token), and for
 * routes that check ownership a caller of the same role from another organisation, against the table below. The
 * table is written by hand on purpose: it is the record of who may do what, and a route added without an entry,
 * or a @Roles change that does not match it, fails this spec.
 */
const secret = 'authorization-matrix-spec-secret-0123456789';
const CALLER_ROLES: readonly Role[] = ['ADMIN', 'OWNER', 'AGENCY', 'SUPERVISOR'];
const OWNER_ORG = 'matrix-owner-org';
const OTHER_OWNER_ORG = 'matrix-other-owner-org';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
// 91350100M000100Y43: the worked example of GB 32100-2015.
const CREDIT_CODE = '91350100M000100Y43';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Data made through the API before the matrix runs, so ownership checks have something to own. */
interface Fixture {
  readonly agencyId: string;
  readonly otherAgencyId: string;
  readonly projectId: string;
  readonly applicantId: string;
  readonly registrationId: string;
  readonly scanId: string;
  /** What the applicant submitted: a valid body for resubmitting it. */
  readonly registration: Record<string, unknown>;
  /** Eligible for EIA-REPORT like the fixture agency; the rival bids while the matrix runs, the bystander never. */
  readonly rivalAgencyId: string;
  readonly bystanderAgencyId: string;
  /** The fixture owner's projects, in the states the organisation rows need; the fixture agency was selected directly. */
  readonly awardedProjectId: string;
  readonly publicityProjectId: string;
  /** Open for sign-up; the fixture agency signed up. */
  readonly windowProjectId: string;
  /** An open bidding round where the fixture agency holds a sealed bid. */
  readonly biddingId: string;
  readonly bidId: string;
}

interface Entry {
  /** `public`: anyone, without a token. Otherwise the roles let through; every other caller is refused. */
  readonly allow: 'public' | readonly Role[];
  /**
   * The route also checks that the caller's organisation owns the resource: a caller of this role acting for
   * another organisation is refused (403), while the owning one (the token's organisation below) gets through.
   */
  readonly ownedBy?: 'AGENCY' | 'OWNER';
  /** The organisation the AGENCY caller acts for, when it is not the fixture's agency (an applicant firm). */
  readonly agencyOrg?: (f: Fixture) => string;
  readonly params?: (f: Fixture) => Record<string, string>;
  readonly query?: (f: Fixture) => Record<string, string>;
  /** Sent by every caller; needed where the ownership check comes after validation. Default `{}`. */
  readonly body?: (f: Fixture) => unknown;
  /**
   * A caller of `role` acting for another organisation (default: the other agency, the other owner) where the
   * design answers something other than an ownership refusal: `status` (that status and code, e.g. a "mine"
   * route reaching only the caller's own, which does not exist; `why` says so), `allowed` (2xx: any organisation
   * of that role may act), or `own-list` (a "mine" list: the fixture organisation's answer lists `expected`, the
   * other's does not).
   */
  readonly otherOrganisation?: { readonly role: 'AGENCY' | 'OWNER'; readonly org?: (f: Fixture) => string } & (
    | { readonly gets: 'status'; readonly status: number; readonly code: string; readonly why: string }
    | { readonly gets: 'allowed'; readonly why: string }
    | { readonly gets: 'own-list'; readonly ids: (body: any) => readonly string[]; readonly expected: (f: Fixture) => string }
  );
}

const PUBLIC: Entry = { allow: 'public' };
const only = (...allow: Role[]): Entry => ({ allow });
const agencyParam = (name: string) => (f: Fixture) => ({ [name]: f.agencyId });
const projectParam = (f: Fixture) => ({ id: f.projectId, projectId: f.projectId });
const ownProject = (body?: (f: Fixture) => unknown): Entry => ({ allow: ['OWNER'], ownedBy: 'OWNER', params: projectParam, body });
const standing = () => ({ serviceItemCode: 'EIA-REPORT', requiredLevel: '2', on: '2026-06-01' });
const biddingParam = (f: Fixture) => ({ biddingId: f.biddingId });
const SEALED_BID = { quote: { form: 'AMOUNT', amountFen: 6_000_000 }, servicePeriodDays: 30 };
const DAY = 86_400_000;
const NO_BID_OF_ITS_OWN: Entry['otherOrganisation'] = {
  role: 'AGENCY',
  org: (f) => f.bystanderAgencyId,
  gets: 'status',
  status: 409,
  code: 'BIDDING.NO_LIVE_BID',
  why: '"mine" is the caller’s own live bid, and it has none',
};

const MATRIX: Readonly<Record<string, Entry>> = {
  // platform
  'GET /health': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /metrics': PUBLIC,
  'GET /api/docs': PUBLIC,
  'GET /api/docs/assets/:file': PUBLIC,
  'GET /api/docs/openapi.json': PUBLIC,
  ...Object.fromEntries(
    ['identity', 'registry', 'projects', 'draw', 'bidding', 'audit'].flatMap((s) => [
      [`GET /api/${s}/docs`, PUBLIC],
      [`GET /api/${s}/docs/assets/:file`, PUBLIC],
      [`GET /api/${s}/docs/openapi.json`, PUBLIC],
    ]),
  ),

  // identity
  'GET /api/identity/.well-known/jwks.json': PUBLIC,
  'POST /api/identity/login': PUBLIC,
  'POST /api/identity/logout': PUBLIC,
  'POST /api/identity/refresh': PUBLIC,
  'POST /api/identity/sign-up': PUBLIC,
  'GET /api/identity/me': only('ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR'),
  'POST /api/identity/password': only('ADMIN', 'AGENCY', 'OWNER', 'SUPERVISOR'),
  'GET /api/identity/accounts': only('ADMIN'),
  'POST /api/identity/accounts': only('ADMIN'),
  'POST /api/identity/accounts/:id/approve': only('ADMIN'),
  'POST /api/identity/accounts/:id/disable': only('ADMIN'),

  // registry
  'POST /api/registry/agencies': only('ADMIN'),
  'GET /api/registry/agencies/:id': { allow: ['ADMIN', 'SUPERVISOR', 'AGENCY'], ownedBy: 'AGENCY', params: agencyParam('id') },
  'GET /api/registry/agencies/:id/credit': { allow: ['ADMIN', 'SUPERVISOR', 'AGENCY'], ownedBy: 'AGENCY', params: agencyParam('id') },
  'POST /api/registry/agencies/:id/misconduct': { ...only('SUPERVISOR'), params: agencyParam('id') },
  'POST /api/registry/agencies/:id/qualifications': { ...only('ADMIN'), params: agencyParam('id') },
  'PUT /api/registry/agencies/:id/service-items': { allow: ['AGENCY'], ownedBy: 'AGENCY', params: agencyParam('id'), body: () => ({ serviceItems: ['EIA-REPORT'] }) },
  'POST /api/registry/agencies/:id/status': { ...only('ADMIN', 'SUPERVISOR'), params: agencyParam('id') },
  'GET /api/registry/catalog': PUBLIC,
  'GET /api/registry/catalog/changes': PUBLIC,
  'POST /api/registry/catalog/items': only('ADMIN'),
  'GET /api/registry/catalog/items/:code': PUBLIC,
  'PUT /api/registry/catalog/items/:code': only('ADMIN'),
  'POST /api/registry/catalog/items/:code/retire': only('ADMIN'),
  'POST /api/registry/catalog/merge': only('ADMIN'),
  'GET /api/registry/directory': PUBLIC,
  'GET /api/registry/directory/:id': { ...PUBLIC, params: agencyParam('id') },
  'POST /api/registry/imports/agencies': only('ADMIN'),
  'POST /api/registry/imports/catalog': only('ADMIN'),
  'GET /api/registry/registrations': only('ADMIN', 'SUPERVISOR', 'AGENCY'),
  'POST /api/registry/registrations': only('AGENCY'),
  'GET /api/registry/registrations/:id': {
    allow: ['ADMIN', 'SUPERVISOR', 'AGENCY'],
    ownedBy: 'AGENCY',
    agencyOrg: (f) => f.applicantId,
    params: (f) => ({ id: f.registrationId }),
  },
  'PUT /api/registry/registrations/:id': {
    allow: ['AGENCY'],
    ownedBy: 'AGENCY',
    agencyOrg: (f) => f.applicantId,
    params: (f) => ({ id: f.registrationId }),
    body: (f) => f.registration,
  },
  'POST /api/registry/registrations/:id/review': { ...only('ADMIN'), params: (f) => ({ id: f.registrationId }) },
  'POST /api/registry/scans': only('AGENCY'),
  'GET /api/registry/scans/:id': { allow: ['ADMIN', 'SUPERVISOR', 'AGENCY'], ownedBy: 'AGENCY', agencyOrg: (f) => f.applicantId, params: (f) => ({ id: f.scanId }) },

  // projects
  'GET /api/projects/announcements': PUBLIC,
  'GET /api/projects/catalog/items': PUBLIC,
  'GET /api/projects/announcements/:id/attachments/:attachmentId': { ...PUBLIC, params: projectParam },
  'POST /api/projects/projects/:id/attachments': ownProject(),
  'GET /api/projects/projects/:id/attachments/:attachmentId': { allow: ['OWNER', 'SUPERVISOR'], ownedBy: 'OWNER', params: projectParam },
  'POST /api/projects/projects': only('OWNER'),
  'GET /api/projects/projects/:id': { allow: ['OWNER', 'SUPERVISOR'], ownedBy: 'OWNER', params: projectParam },
  'POST /api/projects/projects/:id/publish': ownProject(),
  'POST /api/projects/projects/:id/request-selection': ownProject(),
  'POST /api/projects/projects/:id/cancel': ownProject(() => ({ reason: 'authorization matrix' })),
  // Valid bodies, so the validation pipe lets the other owner through to the project's ownership rule.
  'POST /api/projects/projects/:id/amendments': ownProject(() => ({ reason: 'authorization matrix', changes: {} })),
  'POST /api/projects/projects/:id/completion': ownProject((f) => ({ agencyId: f.agencyId, completionDate: '2026-07-01' })),
  'POST /api/projects/projects/:id/contract': ownProject((f) => ({ agencyId: f.agencyId, amountFen: 100, startDate: '2026-06-01' })),
  'POST /api/projects/projects/:id/direct-selection': ownProject((f) => ({ agencyId: f.agencyId })),
  'POST /api/projects/projects/:id/evaluation': ownProject((f) => ({ agencyId: f.agencyId, quality: 4, feeCompliant: true })),
  'POST /api/projects/projects/:id/repost': ownProject(),
  // The fixture agency holds the seat; a firm without one is refused by the award's own rule (PROJECTS.NOT_SELECTED).
  'POST /api/projects/projects/:id/award/accept': { allow: ['AGENCY'], ownedBy: 'AGENCY', params: (f) => ({ id: f.awardedProjectId }) },
  'POST /api/projects/projects/:id/award/decline': { allow: ['AGENCY'], ownedBy: 'AGENCY', params: (f) => ({ id: f.awardedProjectId }), body: () => ({ reason: 'authorization matrix' }) },
  'POST /api/projects/projects/:id/objections': {
    ...only('AGENCY'),
    params: (f) => ({ id: f.publicityProjectId }),
    body: () => ({ grounds: 'authorization matrix: the selected firm is related to the owner' }),
    otherOrganisation: { role: 'AGENCY', gets: 'allowed', why: 'any firm may object during publicity, one left out of the pool most of all' },
  },
  'POST /api/projects/projects/:id/objections/:objectionId/ruling': { ...only('SUPERVISOR'), params: projectParam },
  'POST /api/projects/projects/:id/sign-ups': { ...only('AGENCY'), params: projectParam },
  'DELETE /api/projects/projects/:id/sign-ups': { ...only('AGENCY'), params: projectParam },
  // The organisation comes from the token: another owner's or firm's list never shows the fixture's.
  'GET /api/projects/mine': {
    ...only('OWNER'),
    otherOrganisation: { role: 'OWNER', gets: 'own-list', ids: (body) => body.items.map((x: { id: string }) => x.id), expected: (f) => f.projectId },
  },
  'GET /api/projects/sign-ups/mine': {
    ...only('AGENCY'),
    otherOrganisation: { role: 'AGENCY', gets: 'own-list', ids: (body) => body.items.map((x: { projectId: string }) => x.projectId), expected: (f) => f.windowProjectId },
  },

  // draw
  'GET /api/draw/draws/:drawId': PUBLIC,
  'POST /api/draw/draws/:drawId/beacon': only('OWNER', 'SUPERVISOR', 'ADMIN'),
  // Any signed-in role reaches the use case, which lets in the owner, supervisors and the named observers only (below).
  'POST /api/draw/draws/:drawId/witness-values': only('ADMIN', 'OWNER', 'AGENCY', 'SUPERVISOR'),
  'GET /api/draw/observed-draws': only('ADMIN', 'OWNER', 'AGENCY', 'SUPERVISOR'),
  'GET /api/draw/pool-preview': only('OWNER', 'SUPERVISOR', 'ADMIN'),
  'GET /api/draw/projects/:projectId/draws': { ...PUBLIC, params: projectParam },
  'POST /api/draw/verify': PUBLIC,

  // bidding
  'GET /api/bidding/bidders/:agencyId/standing': { allow: ['AGENCY', 'SUPERVISOR', 'ADMIN'], ownedBy: 'AGENCY', params: agencyParam('agencyId'), query: standing },
  'GET /api/bidding/biddings/:biddingId': PUBLIC,
  'POST /api/bidding/biddings/:biddingId/bids': {
    ...only('AGENCY'),
    params: biddingParam,
    body: () => SEALED_BID,
    otherOrganisation: { role: 'AGENCY', org: (f) => f.rivalAgencyId, gets: 'allowed', why: 'every eligible firm bids in the round; it is nobody’s own' },
  },
  // "mine" is the caller's own bid: another eligible firm without one lists none and has none to replace or withdraw.
  'GET /api/bidding/biddings/:biddingId/bids/mine': {
    ...only('AGENCY'),
    params: biddingParam,
    otherOrganisation: { role: 'AGENCY', org: (f) => f.bystanderAgencyId, gets: 'own-list', ids: (body) => body.map((b: { bidId: string }) => b.bidId), expected: (f) => f.bidId },
  },
  'PUT /api/bidding/biddings/:biddingId/bids/mine': { ...only('AGENCY'), params: biddingParam, body: () => SEALED_BID, otherOrganisation: NO_BID_OF_ITS_OWN },
  'DELETE /api/bidding/biddings/:biddingId/bids/mine': { ...only('AGENCY'), params: biddingParam, otherOrganisation: NO_BID_OF_ITS_OWN },
  'GET /api/bidding/projects/:projectId/biddings': { ...PUBLIC, params: projectParam },

  // audit
  'GET /api/audit/checkpoint': PUBLIC,
  'POST /api/audit/checkpoints': only('SUPERVISOR'),
  'GET /api/audit/entries': only('SUPERVISOR'),
  'GET /api/audit/export': only('SUPERVISOR'),
  'GET /api/audit/fairness': only('SUPERVISOR'),
  'GET /api/audit/collusion': only('SUPERVISOR'),
  'GET /api/audit/statistics': PUBLIC,
  'GET /api/audit/proofs/consistency': PUBLIC,
  'GET /api/audit/proofs/inclusion': PUBLIC,
  'GET /api/audit/projects/:projectId/record': { ...only('SUPERVISOR'), params: projectParam },
  'GET /api/audit/projects/:projectId/ocds': { allow: ['SUPERVISOR', 'OWNER'], ownedBy: 'OWNER', params: projectParam },
  // An owner or agency naming its own organisation in the query reads its records; naming another's is refused.
  'GET /api/audit/records': {
    allow: ['SUPERVISOR', 'OWNER', 'AGENCY'],
    ownedBy: 'OWNER',
    query: () => ({ ownerOrganizationId: OWNER_ORG }),
  },
};

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden';

describe('authorization matrix: every route × every role', () => {
  let app: INestApplication;
  let base: string;
  let routes: readonly HttpRoute[];
  let fixture: Fixture;
  const call = jsonClient(() => base);
  // The app's clock (scheduler, transactions; not token expiry) runs shifted by this file, so publicity can end.
  const clockDir = mkdtempSync(join(tmpdir(), 'matrix-clock-'));
  const clockFile = join(clockDir, 'offset.json');
  let offsetMs = 0;
  const appNow = () => new Date(Date.now() + offsetMs);
  // Account ids are UUIDs (identity looks `/me` up by it); one per role and organisation.
  const userIds = new Map<string, string>();
  const userIdOf = (role: Role, organizationId: string | null) => {
    const key = `${role}:${organizationId}`;
    if (!userIds.has(key)) userIds.set(key, randomUUID());
    return userIds.get(key) as string;
  };
  const token = (role: Role, organizationId: string | null, ttlSeconds?: number) =>
    issueTestToken(secret, { userId: userIdOf(role, organizationId), role, organizationId }, ttlSeconds);

  beforeAll(async () => {
    process.env['AUTH_TOKEN_SECRET'] = secret;
    writeFileSync(clockFile, JSON.stringify({ offsetMs }));
    process.env['MKT_CLOCK_OFFSET_FILE'] = clockFile;
    // Every JSON success the matrix provokes is checked against the schema its route declares (last test).
    app = await createHttpApp(MarketplaceModule.forRoot({ dataDir: 'memory://', demoData: false }), { logger: false, checkResponses: true });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    routes = app.get(HttpRouteCatalog).routes();
    fixture = await makeFixture();
  }, 180000);

  afterAll(async () => {
    await app?.close();
    delete process.env['AUTH_TOKEN_SECRET'];
    delete process.env['MKT_CLOCK_OFFSET_FILE'];
    rmSync(clockDir, { recursive: true, force: true });
  });

  async function makeFixture(): Promise<Fixture> {
    await app.get(CatalogSeeder).seedDemoCatalog();
    const journey = new AgencyJourney(base, { admin: token('ADMIN', null), supervisor: token('SUPERVISOR', null) });
    const agencyId = await journey.register();
    const otherAgencyId = await journey.register();
    await journey.setStatus(agencyId, 'ACTIVE');

    const owner = token('OWNER', OWNER_ORG);
    const posting = {
      title: '权限矩阵测试项目', serviceItemCode: 'EIA-REPORT', description: '环评报告书', budgetCapFen: 8_000_000, requiredLevel: 2, region: '330100',
      servicePeriodDays: 30, selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3 }, signUp: { mode: 'ALL_ELIGIBLE' }, conflicts: [],
    };
    // The projects service learns the catalog from registry events: retry until the item has arrived.
    const drafted = await waitFor(() => call('POST', '/api/projects/projects', { token: owner, body: posting }), (r) => r.status === 201, { what: 'a drafted project' });
    const projectId = drafted.body.id as string;
    // Published, so the audit log (fed by the project's events) knows its owner.
    expect(await call('POST', `/api/projects/projects/${projectId}/publish`, { token: owner })).toMatchObject({ status: 200 });

    // A firm applying to join: its token's organisation is the agency id it will get (decision 0010).
    const applicantId = randomUUID();
    const applicant = token('AGENCY', applicantId);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'certificate.pdf');
    const scan = await fetch(`${base}/api/registry/scans`, { method: 'POST', headers: { authorization: `Bearer ${applicant}` }, body: form });
    expect(scan.status).toBe(201);
    const scanId = ((await scan.json()) as { id: string }).id;
    const application = {
      name: '矩阵环评咨询有限公司', creditCode: CREDIT_CODE, legalRepresentative: '王立', contacts: [{ name: '李敏', phone: '0571-88881234' }], region: '330100',
      qualifications: [{ qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', level: 2, certificateNumber: 'HP-MATRIX-1', issuer: '浙江省生态环境厅', validFrom: '2025-01-01', validUntil: '2028-12-31', scanId }],
      serviceItems: ['EIA-REPORT'],
    };
    const registration = await call('POST', '/api/registry/registrations', { token: applicant, body: application });
    expect(registration.status).toBe(201);

    // The audit service reads the project's owner from the events: wait until it can tell the owner apart.
    await waitFor(() => call('GET', `/api/audit/projects/${projectId}/ocds`, { token: owner }), (r) => r.status !== 403 && r.status !== 404, { what: 'the project in the audit log' });

    // Projects for the organisation rows: selected directly (no draw or bids needed), awarded, open for sign-up, bidding.
    await journey.qualify(agencyId, 'EIA-REPORT');
    const rivalAgencyId = await journey.onboard('EIA-REPORT');
    const bystanderAgencyId = await journey.onboard('EIA-REPORT');
    const agency = token('AGENCY', agencyId);
    const post = async (title: string, overrides: Record<string, unknown>): Promise<string> => {
      const res = await call('POST', '/api/projects/projects', { token: owner, body: { ...posting, title, ...overrides } });
      expect(res).toMatchObject({ status: 201 });
      expect(await call('POST', `/api/projects/projects/${res.body.id}/publish`, { token: owner })).toMatchObject({ status: 200 });
      return res.body.id as string;
    };
    const selectedDirectly = async (title: string): Promise<string> => {
      const id = await post(title, { selection: { method: 'DIRECT_SELECTION', justification: '预算低于十万元，按规定直接选取' } });
      expect(await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner })).toMatchObject({ status: 200 });
      expect(await call('POST', `/api/projects/projects/${id}/direct-selection`, { token: owner, body: { agencyId } })).toMatchObject({ status: 200, body: { status: 'PUBLICITY' } });
      return id;
    };
    const awardedProjectId = await selectedDirectly('权限矩阵 · 已确定');
    // Publicity lasts days: move the app's clock past it, and its scheduler awards.
    offsetMs += 4 * DAY;
    writeFileSync(clockFile, JSON.stringify({ offsetMs }));
    await waitFor(() => call('GET', `/api/projects/projects/${awardedProjectId}`, { token: owner }), (r) => r.body?.status === 'AWARDED', { what: 'the award after publicity' });
    const publicityProjectId = await selectedDirectly('权限矩阵 · 公示中');
    const windowProjectId = await post('权限矩阵 · 报名中', { signUp: { mode: 'WINDOW', opensAt: appNow().toISOString(), closesAt: new Date(appNow().getTime() + 4 * DAY).toISOString() } });
    expect(await call('POST', `/api/projects/projects/${windowProjectId}/sign-ups`, { token: agency })).toMatchObject({ status: 200 });

    const bidDeadline = new Date(appNow().getTime() + 2 * DAY).toISOString();
    const biddingProjectId = await post('权限矩阵 · 竞价', { selection: { method: 'BIDDING', winners: 1, minimumValidBids: 1, evaluation: { rule: 'LOWEST_PRICE' }, quoteForm: 'AMOUNT', bidDeadline } });
    expect(await call('POST', `/api/projects/projects/${biddingProjectId}/request-selection`, { token: owner })).toMatchObject({ status: 200 });
    const [round] = await waitFor(() => call('GET', `/api/bidding/projects/${biddingProjectId}/biddings`).then((r) => r.body), (b) => b?.length === 1, { what: 'the bidding round' });
    // Bidding learns the firm's qualification from registry events: retry until its bid is taken.
    const bid = await waitFor(() => call('POST', `/api/bidding/biddings/${round.biddingId}/bids`, { token: agency, body: SEALED_BID }), (r) => r.status === 201, { what: 'the fixture agency’s sealed bid' });

    return {
      agencyId, otherAgencyId, projectId, applicantId, registrationId: registration.body.id as string, scanId, registration: application,
      rivalAgencyId, bystanderAgencyId, awardedProjectId, publicityProjectId, windowProjectId, biddingId: round.biddingId as string, bidId: bid.body.bidId as string,
    };
  }

  /** A path with its parameters filled from the entry, else with values no route can confuse with real data. */
  function pathOf(route: HttpRoute, entry: Entry): string {
    const given = entry.params?.(fixture) ?? {};
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(given[name] ?? defaultParam(name)));
    const query = entry.query?.(fixture);
    return query ? `${path}?${new URLSearchParams(query).toString()}` : path;
  }

  function organisationOf(role: Role, entry: Entry): string | null {
    if (role === 'AGENCY') return entry.agencyOrg?.(fixture) ?? fixture.agencyId;
    if (role === 'OWNER') return OWNER_ORG;
    return null;
  }

  async function outcome(route: HttpRoute, entry: Entry, bearer: string | null): Promise<{ outcome: Outcome; status: number; code: unknown; body: any }> {
    const res = await call(route.method, pathOf(route, entry), { token: bearer ?? undefined, body: route.method === 'GET' ? undefined : (entry.body?.(fixture) ?? {}) });
    const seen: Outcome = res.status === 401 ? 'unauthenticated' : res.status === 403 ? 'forbidden' : 'allowed';
    return { outcome: seen, status: res.status, code: res.body?.code, body: res.body };
  }

  /** The `otherOrganisation` row of an entry: what a caller acting for another organisation gets, by design. */
  async function otherOrganisationMismatch(route: HttpRoute, entry: Entry): Promise<string | null> {
    const other = entry.otherOrganisation;
    if (!other) return null;
    const org = other.org?.(fixture) ?? (other.role === 'AGENCY' ? fixture.otherAgencyId : OTHER_OWNER_ORG);
    const seen = await outcome(route, entry, token(other.role, org));
    const label = `${routeKey(route)} as ${other.role} of another organisation`;
    const got = `${seen.status} ${String(seen.code)}`;
    if (other.gets === 'status') return seen.status === other.status && seen.code === other.code ? null : `${label}: expected ${other.status} ${other.code} (${other.why}), got ${got}`;
    if (other.gets === 'allowed') return seen.status >= 200 && seen.status < 300 ? null : `${label}: expected 2xx (${other.why}), got ${got}`;
    const own = await outcome(route, entry, token(other.role, organisationOf(other.role, entry)));
    const expected = other.expected(fixture);
    if (own.status !== 200 || !other.ids(own.body).includes(expected)) return `${label}: the owning organisation's list lacks ${expected} (${own.status})`;
    return seen.status === 200 && !other.ids(seen.body).includes(expected) ? null : `${label}: expected its own list without ${expected}, got ${got}`;
  }

  // An entry for a route not (yet) served grants nothing, so only the missing direction fails.
  it('has an entry for every route the app serves', () => {
    expect(routes.map(routeKey).filter((key) => !(key in MATRIX))).toEqual([]);
  });

  it('answers every route × caller as the table says', async () => {
    const mismatches: string[] = [];
    const expectOutcome = async (route: HttpRoute, entry: Entry, caller: string, bearer: string | null, expected: Outcome) => {
      const seen = await outcome(route, entry, bearer);
      if (seen.outcome !== expected) mismatches.push(`${routeKey(route)} as ${caller}: expected ${expected}, got ${seen.status} ${String(seen.code)}`);
    };
    for (const route of routes) {
      const entry = MATRIX[routeKey(route)];
      if (!entry) continue; // reported by the previous test
      const isPublic = entry.allow === 'public';
      // Refusals first: an allowed call may change the fixture (publish, cancel), and the ownership check comes
      // before any state check, so the order only matters for the allowed calls' status, never their access.
      if (entry.ownedBy) {
        const other = entry.ownedBy === 'AGENCY' ? fixture.otherAgencyId : OTHER_OWNER_ORG;
        const seen = await outcome(route, entry, token(entry.ownedBy, other));
        // Refused by the ownership rule, not by the role check: the guard's code would mean the table is wrong.
        if (seen.outcome !== 'forbidden' || seen.code === 'AUTH.FORBIDDEN') {
          mismatches.push(`${routeKey(route)} as ${entry.ownedBy} of another organisation: expected an ownership refusal, got ${seen.status} ${String(seen.code)}`);
        }
      }
      const otherMismatch = await otherOrganisationMismatch(route, entry);
      if (otherMismatch) mismatches.push(otherMismatch);
      await expectOutcome(route, entry, 'no token', null, isPublic ? 'allowed' : 'unauthenticated');
      for (const role of CALLER_ROLES) {
        const allowed = isPublic || (entry.allow as readonly Role[]).includes(role);
        await expectOutcome(route, entry, role, token(role, organisationOf(role, entry)), allowed ? 'allowed' : 'forbidden');
      }
    }
    expect(mismatches).toEqual([]);
  }, 300000);

  it("lets a draw's named observer into their own witness slot, and refuses another user and a candidate agency", async () => {
    const journey = new AgencyJourney(base, { admin: token('ADMIN', null), supervisor: token('SUPERVISOR', null) });
    await journey.qualify(fixture.agencyId, 'EIA-REPORT');
    const owner = token('OWNER', OWNER_ORG);
    const notary = { userId: randomUUID(), label: '公证员 张敏' };
    const firmUser = { userId: randomUUID(), label: 'A firm in the pool' };
    const posting = {
      title: '观察员权限测试项目', serviceItemCode: 'EIA-REPORT', description: '环评报告书', budgetCapFen: 8_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 30,
      selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 0, minimumCandidates: 1, observers: [notary, firmUser] }, signUp: { mode: 'ALL_ELIGIBLE' }, conflicts: [],
    };
    const drafted = await call('POST', '/api/projects/projects', { token: owner, body: posting });
    expect(drafted.status).toBe(201);
    const projectId = drafted.body.id as string;
    expect(await call('POST', `/api/projects/projects/${projectId}/publish`, { token: owner })).toMatchObject({ status: 200 });
    // The draw service learns the qualification from registry events: wait until the firm is in its pool.
    await waitFor(
      () => call('GET', '/api/draw/pool-preview?serviceItemCode=EIA-REPORT&requiredLevel=2&on=2026-06-01', { token: owner }),
      (r) => (r.body?.pool ?? []).includes(fixture.agencyId),
      { what: 'the qualified firm in the draw read model' },
    );
    expect(await call('POST', `/api/projects/projects/${projectId}/request-selection`, { token: owner })).toMatchObject({ status: 200 });
    const [drawn] = await waitFor(() => call('GET', `/api/draw/projects/${projectId}/draws`).then((r) => r.body), (d) => d?.length === 1, { what: 'the commitment' });
    expect(drawn.commitment.pool).toContain(fixture.agencyId);

    const path = `/api/draw/draws/${drawn.drawId}/witness-values`;
    const as = (userId: string, role: Role, organizationId: string | null) => issueTestToken(secret, { userId, role, organizationId });
    const refusals = {
      'another owner': await call('POST', path, { token: token('OWNER', OTHER_OWNER_ORG), body: { value: '1' } }),
      'an administrator nobody named': await call('POST', path, { token: token('ADMIN', null), body: { value: '1' } }),
      'an agency nobody named': await call('POST', path, { token: token('AGENCY', fixture.otherAgencyId), body: { value: '1' } }),
      'the named user of a firm in the pool': await call('POST', path, { token: as(firmUser.userId, 'AGENCY', fixture.agencyId), body: { value: '1' } }),
    };
    expect(Object.fromEntries(Object.entries(refusals).map(([who, r]) => [who, `${r.status} ${r.body?.code}`]))).toEqual({
      'another owner': '403 DRAW.NOT_YOUR_DRAW',
      'an administrator nobody named': '403 DRAW.NOT_YOUR_DRAW',
      'an agency nobody named': '403 DRAW.NOT_YOUR_DRAW',
      'the named user of a firm in the pool': '403 DRAW.AGENCY_CANNOT_WITNESS',
    });
    const notaryToken = as(notary.userId, 'ADMIN', null);
    expect((await call('GET', '/api/draw/observed-draws', { token: token('ADMIN', null) })).body).toEqual([]);
    expect((await call('GET', '/api/draw/observed-draws', { token: notaryToken })).body).toEqual([expect.objectContaining({ drawId: drawn.drawId, awaitingValue: true, label: notary.label })]);
    expect(await call('POST', path, { token: notaryToken, body: { value: '公证 117' } })).toMatchObject({ status: 200, body: { revealed: false } });
    expect((await call('GET', `/api/draw/draws/${drawn.drawId}`)).body.witnessValues).toEqual([{ witness: `OBSERVER:${notary.userId}`, value: '公证 117' }]);
  }, 120000);

  it('refuses an expired, a tampered and a wrongly signed token with 401 on every protected route', async () => {
    const admin = token('ADMIN', null);
    const [header, payload, signature] = admin.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const raised = Buffer.from(JSON.stringify({ ...claims, role: 'SUPERVISOR' })).toString('base64url');
    const bad = {
      expired: token('ADMIN', null, -60),
      tampered: `${header}.${raised}.${signature}`,
      'wrong key': issueTestToken('some-other-secret-0123456789abcdefghij', { userId: 'x', role: 'ADMIN', organizationId: null }),
    };
    const mismatches: string[] = [];
    for (const route of routes.filter((r) => r.access.kind === 'roles')) {
      for (const [kind, bearer] of Object.entries(bad)) {
        const seen = await outcome(route, MATRIX[routeKey(route)] ?? { allow: [] }, bearer);
        if (seen.status !== 401) mismatches.push(`${routeKey(route)} with ${kind} token: ${seen.status} ${String(seen.code)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300000);

  it('describes every route in one valid OpenAPI 3 document at /api/docs/openapi.json', async () => {
    const res = await call('GET', '/api/docs/openapi.json');
    expect(res.status).toBe(200);
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeTruthy();
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    expect(documented.sort()).toEqual(routes.map(routeKey).sort());
    expect(res.body.paths['/api/registry/agencies/{id}'].get).toMatchObject({ 'x-roles': ['ADMIN', 'SUPERVISOR', 'AGENCY'], security: [{ bearer: [] }] });
    expect(res.body.paths['/api/registry/agencies'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/RegisterAgencyRequestDto' });
    expect(res.body.paths['/api/identity/me'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AccountView' });
    expect(res.body.components.schemas['AccountView']).toMatchObject({ required: expect.arrayContaining(['id', 'role', 'organizationId']) });
  });

  // A route added without @Responds / @RespondsWith fails here: every success with a body is described.
  it('declares the success body of every route that answers one', () => {
    expect(undescribedRoutes(routes).map(routeKey)).toEqual([]);
  });

  it('answered every JSON success above as its route declares', () => {
    const { checked, violations } = responseCheckOf(app);
    expect(violations).toEqual([]);
    // The fixtures alone make dozens of JSON successes; none checked would mean the check is not wired in.
    expect(checked).toBeGreaterThan(50);
  });
});

function defaultParam(name: string): string {
  if (name === 'code') return 'EIA-REPORT';
  if (name === 'file') return 'swagger-ui.css';
  return NO_SUCH_ID;
}
