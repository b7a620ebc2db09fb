import type { INestApplication } from '@nestjs/common';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { waitFor, jsonClient } from '@mkt/shared/testing';
import { MarketplaceModule } from './marketplace.module';

/** Roles, ownership, validation and idempotency at the HTTP edge of every endpoint, in embedded mode. */
const secret = 'http-access-spec-secret-0123456789abcdef';
const token = (role: 'ADMIN' | 'AGENCY' | 'OWNER' | 'SUPERVISOR', organizationId: string | null = null) =>
  issueTestToken(secret, { userId: `${role.toLowerCase()}-1`, role, organizationId });
// 91350100M000100Y43: the worked example of GB 32100-2015.
const CREDIT_CODE = '91350100M000100Y43';

describe('HTTP access rules', () => {
  let app: INestApplication;
  let base: string;
  let agencyId: string;

  const call = jsonClient(() => base);

  beforeAll(async () => {
    process.env['AUTH_TOKEN_SECRET'] = secret;
    app = await createHttpApp(MarketplaceModule.forRoot({ dataDir: 'memory://', demoData: false }), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    const created = await call('POST', '/api/registry/agencies', { token: token('ADMIN'), body: { name: '闽江测绘有限公司', creditCode: CREDIT_CODE, region: '350100' } });
    expect(created.status).toBe(201);
    agencyId = created.body.id;
  }, 120000);

  afterAll(async () => {
    await app?.close();
    delete process.env['AUTH_TOKEN_SECRET'];
  });

  describe('registering an agency', () => {
    const body = { name: '某某咨询有限公司', creditCode: '91330100MA2AEF3G5C', region: '330100' };

    it('refuses a caller without a token (401) and with a forged one (401)', async () => {
      expect(await call('POST', '/api/registry/agencies', { body })).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
      const forged = issueTestToken('another-secret-0123456789abcdef-xyz', { userId: 'x', role: 'ADMIN', organizationId: null });
      expect(await call('POST', '/api/registry/agencies', { body, token: forged })).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN' } });
    });

    it.each(['AGENCY', 'OWNER', 'SUPERVISOR'] as const)('refuses %s (403)', async (role) => {
      expect(await call('POST', '/api/registry/agencies', { body, token: token(role) })).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    });

    it('names the field at fault: missing, unknown, malformed, or a bad check character', async () => {
      const admin = token('ADMIN');
      expect(await call('POST', '/api/registry/agencies', { token: admin, body: { ...body, name: undefined } })).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED', field: 'name' } });
      expect(await call('POST', '/api/registry/agencies', { token: admin, body: { ...body, owner: 'me' } })).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED', field: 'owner' } });
      expect(await call('POST', '/api/registry/agencies', { token: admin, body: { ...body, creditCode: '91330100MA2AEF3G5D' } })).toMatchObject({ status: 400, body: { code: 'REGISTRY.INVALID_CREDIT_CODE', field: 'creditCode' } });
      expect(await call('POST', '/api/registry/agencies', { token: admin, body: '{"name":' })).toMatchObject({ status: 400, body: { code: 'REQUEST.MALFORMED_JSON' } });
    });

    it('refuses a second firm with the same credit code (409)', async () => {
      expect(await call('POST', '/api/registry/agencies', { token: token('ADMIN'), body: { ...body, creditCode: CREDIT_CODE } })).toMatchObject({ status: 409, body: { code: 'REGISTRY.CREDIT_CODE_TAKEN', field: 'creditCode' } });
    });

    it('does a request repeated with the same Idempotency-Key once, and refuses the key on another body', async () => {
      const admin = token('ADMIN');
      const headers = { 'idempotency-key': 'register-0001' };
      const first = await call('POST', '/api/registry/agencies', { token: admin, body, headers });
      const second = await call('POST', '/api/registry/agencies', { token: admin, body, headers });
      expect(first.status).toBe(201);
      expect(second).toEqual(first);
      const other = await call('POST', '/api/registry/agencies', { token: admin, body: { ...body, name: 'another' }, headers });
      expect(other).toMatchObject({ status: 409, body: { code: 'REQUEST.IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' } });
      expect(await call('POST', '/api/registry/agencies', { token: admin, body, headers: { 'idempotency-key': '' } })).toMatchObject({ status: 400, body: { field: 'Idempotency-Key' } });
    });
  });

  describe('changing an agency status', () => {
    it('lets the operator approve but not sanction, and a supervisor sanction', async () => {
      expect(await call('POST', `/api/registry/agencies/${agencyId}/status`, { token: token('ADMIN'), body: { status: 'ACTIVE', reason: '' } })).toMatchObject({ status: 200, body: { status: 'ACTIVE' } });
      expect(await call('POST', `/api/registry/agencies/${agencyId}/status`, { token: token('ADMIN'), body: { status: 'SUSPENDED', reason: 'x' } })).toMatchObject({ status: 403 });
      expect(await call('POST', `/api/registry/agencies/${agencyId}/status`, { token: token('AGENCY', agencyId), body: { status: 'ACTIVE', reason: '' } })).toMatchObject({ status: 403 });
      expect(await call('POST', `/api/registry/agencies/${agencyId}/status`, { token: token('SUPERVISOR'), body: { status: 'SUSPENDED', reason: 'late delivery', until: '2099-01-01T00:00:00+08:00' } })).toMatchObject({ status: 200, body: { status: 'SUSPENDED' } });
      expect(await call('POST', `/api/registry/agencies/${agencyId}/status`, { token: token('SUPERVISOR'), body: { status: 'ACTIVE', reason: 'period over' } })).toMatchObject({ status: 200 });
    });

    it('refuses an unknown status, a bad id and a missing agency, naming what is wrong', async () => {
      expect(await call('POST', `/api/registry/agencies/${agencyId}/status`, { token: token('SUPERVISOR'), body: { status: 'ON_HOLIDAY', reason: '' } })).toMatchObject({ status: 400, body: { field: 'status' } });
      expect(await call('POST', `/api/registry/agencies/not-a-uuid/status`, { token: token('SUPERVISOR'), body: { status: 'ACTIVE', reason: '' } })).toMatchObject({ status: 400 });
      expect(await call('POST', `/api/registry/agencies/00000000-0000-4000-8000-000000000000/status`, { token: token('SUPERVISOR'), body: { status: 'ACTIVE', reason: '' } })).toMatchObject({ status: 404, body: { code: 'REGISTRY.AGENCY_NOT_FOUND' } });
    });
  });

  describe('qualifications', () => {
    const q = { certificateNumber: 'CH-2026-001', serviceItemCode: 'SURVEY-MAPPING', level: 2, validFrom: '2026-01-01', validUntil: '2028-12-31' };

    it('are recorded by the operator only', async () => {
      expect(await call('POST', `/api/registry/agencies/${agencyId}/qualifications`, { token: token('AGENCY', agencyId), body: q })).toMatchObject({ status: 403 });
      expect(await call('POST', `/api/registry/agencies/${agencyId}/qualifications`, { token: token('ADMIN'), body: q })).toMatchObject({ status: 201 });
    });

    it('refuses an impossible date or level with the field', async () => {
      expect(await call('POST', `/api/registry/agencies/${agencyId}/qualifications`, { token: token('ADMIN'), body: { ...q, certificateNumber: 'x2', validUntil: '2026-02-30' } })).toMatchObject({ status: 400, body: { field: 'validUntil' } });
      expect(await call('POST', `/api/registry/agencies/${agencyId}/qualifications`, { token: token('ADMIN'), body: { ...q, certificateNumber: 'x3', level: 11 } })).toMatchObject({ status: 400, body: { field: 'level' } });
    });
  });

  describe('reading', () => {
    it('shows an agency its own record and nobody else’s; operator and supervisor see any', async () => {
      expect(await call('GET', `/api/registry/agencies/${agencyId}`, { token: token('AGENCY', agencyId) })).toMatchObject({ status: 200, body: { id: agencyId } });
      expect(await call('GET', `/api/registry/agencies/${agencyId}`, { token: token('AGENCY', 'another-firm') })).toMatchObject({ status: 403, body: { code: 'AUTH.NOT_YOUR_AGENCY' } });
      expect(await call('GET', `/api/registry/agencies/${agencyId}`, { token: token('OWNER', 'owner-org') })).toMatchObject({ status: 403 });
      expect(await call('GET', `/api/registry/agencies/${agencyId}`, { token: token('SUPERVISOR') })).toMatchObject({ status: 200 });
    });

    it('previews a draw pool for owners, supervisors and the operator, not for agencies', async () => {
      const path = '/api/draw/pool-preview?serviceItemCode=SURVEY-MAPPING&requiredLevel=2&on=2026-06-01';
      expect(await call('GET', path, { token: token('AGENCY', agencyId) })).toMatchObject({ status: 403 });
      const preview = await waitFor(() => call('GET', path, { token: token('OWNER', 'owner-org') }), (r) => r.body?.pool?.includes(agencyId), { what: 'pool preview' });
      expect(preview.status).toBe(200);
      expect(await call('GET', '/api/draw/pool-preview?serviceItemCode=SURVEY-MAPPING&requiredLevel=x&on=2026-06-01', { token: token('OWNER') })).toMatchObject({ status: 400, body: { field: 'requiredLevel' } });
    });

    it('lists active firms in the public directory, without a token, and not those under review', async () => {
      const pending = await call('POST', '/api/registry/agencies', { token: token('ADMIN'), body: { name: '待审测绘有限公司', creditCode: '91330100MA2CJK5L73', region: '330100' } });
      const listed = await call('GET', '/api/registry/directory?serviceItemCode=SURVEY-MAPPING');
      expect(listed.status).toBe(200);
      expect(listed.body).toContainEqual(expect.objectContaining({ id: agencyId, name: '闽江测绘有限公司', status: 'ACTIVE', qualifications: [expect.objectContaining({ serviceItemCode: 'SURVEY-MAPPING', level: 2 })] }));
      expect((await call('GET', '/api/registry/directory')).body.map((a: { id: string }) => a.id)).not.toContain(pending.body?.id);
      expect(await call('GET', '/api/registry/directory?status=PENDING')).toMatchObject({ status: 400, body: { field: 'status' } });
    });

    it('tells an agency its own bidding standing only', async () => {
      const path = `/api/bidding/bidders/${agencyId}/standing?serviceItemCode=SURVEY-MAPPING&requiredLevel=2&on=2026-06-01`;
      expect(await call('GET', path, { token: token('AGENCY', 'another-firm') })).toMatchObject({ status: 403 });
      expect(await call('GET', path, { token: token('OWNER', 'o') })).toMatchObject({ status: 403 });
      const own = await waitFor(() => call('GET', path, { token: token('AGENCY', agencyId) }), (r) => r.body?.mayBid === true, { what: 'bidding standing' });
      expect(own.body).toEqual({ agencyId, status: 'ACTIVE', mayBid: true, refusal: null });
    });
  });
});
