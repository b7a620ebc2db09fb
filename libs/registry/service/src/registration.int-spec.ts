import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { AGENCY_IMPORT_COLUMNS, CATALOG_IMPORT_COLUMNS, creditCodeCheckCharacter } from '@mkt/registry/core';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import type { DatabaseConfig } from '@mkt/shared/persistence';
import { createTestDatabases, FixedClock, jsonClient, waitFor } from '@mkt/shared/testing';
import { CatalogSeeder } from './application/catalog.seeder';
import { RegistryModule } from './registry.module';

/**
 * A firm registers itself and is reviewed; certificate scans are uploaded and read back only by those allowed;
 * qualifications expire on the clock, across a restart; the operator imports agencies and catalog items from
 * CSV and .xlsx, whole or not at all. The registry in process, on real Postgres and on embedded PGlite.
 */
const secret = 'registration-spec-secret-0123456789abcdefgh';
// 2026-03-02 10:00 in Beijing.
const clock = new FixedClock(new Date('2026-03-02T02:00:00.000Z'));

type Role = 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN';
const token = (role: Role, org: string | null = null, userId = `${role}-user`) => issueTestToken(secret, { userId, role, organizationId: org });
const admin = token('ADMIN');
const supervisor = token('SUPERVISOR');
const owner = token('OWNER', 'owner-org-1');

let serial = 0;
function uniqueCreditCode(): string {
  serial += 1;
  const body = `9133010${String(Date.now() % 1e6).padStart(6, '0')}${String(serial).padStart(4, '0')}`.slice(0, 17);
  return body + creditCodeCheckCharacter(body);
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-not-really-an-image')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-not-really-an-image')]);

interface Running {
  readonly app: INestApplication;
  readonly registry: ServicePlatform;
  readonly base: string;
  readonly call: ReturnType<typeof jsonClient>;
}

async function start(database: DatabaseConfig): Promise<Running> {
  class RegistrationSpecRoot {}
  const app = await createHttpApp(
    { module: RegistrationSpecRoot, imports: [MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }), AuthModule.forRoot({ secret }), RegistryModule.forRoot({ database })] },
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  return { app, registry: app.get(MessagingRuntime).platform('registry') as ServicePlatform, base, call: jsonClient(() => base) };
}

// The same suite on a Postgres server (distributed mode) and on an embedded PGlite database (embedded mode).
describe.each(['postgres', 'pglite'] as const)('registry service: self-registration and review, scans, qualification expiry, bulk import (%s)', (kind) => {
  let databases: Awaited<ReturnType<typeof createTestDatabases>> | undefined;
  let dataDir: string | undefined;
  let database: DatabaseConfig;
  let running: Running;
  const call = (...args: Parameters<Running['call']>) => running.call(...args);
  const sql = (text: string, params: unknown[] = []) => running.registry.database.dataSource.query(text, params);

  async function upload(path: string, auth: string | null, content: Buffer, name: string, type = 'application/octet-stream'): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), name);
    const res = await fetch(`${running.base}${path}`, { method: 'POST', headers: auth ? { authorization: `Bearer ${auth}` } : {}, body: form });
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  const outbox = async (aggregateId: string): Promise<{ type: string; payload: any }[]> =>
    (await sql(`SELECT envelope FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [aggregateId])).map((r: { envelope: string }) => {
      const e = JSON.parse(r.envelope);
      return { type: e.type, payload: e.payload };
    });
  const count = async (table: string): Promise<number> => (await sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  /** A firm's user: its token's organisation is the id the firm will be registered under. */
  function firm() {
    const id = randomUUID();
    return { id, token: token('AGENCY', id, `user-of-${id.slice(0, 8)}`), creditCode: uniqueCreditCode() };
  }

  async function scanOf(f: { token: string }, content: Buffer = Buffer.concat([PDF, Buffer.from(randomUUID())])): Promise<string> {
    const res = await upload('/api/registry/scans', f.token, content, 'certificate.pdf', 'application/pdf');
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const application = (f: { creditCode: string }, scanId: string, overrides: Record<string, unknown> = {}) => ({
    name: '之江环评咨询有限公司',
    creditCode: f.creditCode,
    legalRepresentative: '王立',
    contacts: [{ name: '李敏', phone: '0571-88881234', email: 'limin@example.cn' }],
    region: '330100',
    qualifications: [
      { qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', level: 2, certificateNumber: `HP-${f.creditCode.slice(-6)}`, issuer: '浙江省生态环境厅', validFrom: '2025-01-01', validUntil: '2028-12-31', scanId },
    ],
    serviceItems: ['EIA-REPORT', 'EIA-TABLE'],
    ...overrides,
  });

  beforeAll(async () => {
    clock.set(new Date('2026-03-02T02:00:00.000Z'));
    if (kind === 'postgres') {
      databases = await createTestDatabases(['registry']);
      database = { kind: 'postgres', url: databases.urlOf('registry'), poolSize: 4 };
    } else {
      // A data folder on disk, not memory://: the expiry spec restarts the service on the same database.
      dataDir = mkdtempSync(join(tmpdir(), 'registry-registration-'));
      database = { kind: 'pglite', dataDir };
    }
    running = await start(database);
    await running.app.get(CatalogSeeder).seedDemoCatalog();
  }, 120000);

  afterAll(async () => {
    await running?.app.close();
    await databases?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('certificate scans', () => {
    const a = firm();
    const b = firm();
    let pdfId: string;

    it('takes a PDF, a PNG and a JPEG by their content, with size and SHA-256, and stores the same file once', async () => {
      const pdf = await upload('/api/registry/scans', a.token, PDF, 'cert.pdf', 'application/pdf');
      expect(pdf).toMatchObject({ status: 201, body: { organizationId: a.id, mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') } });
      pdfId = pdf.body.id;
      // The client's name and type are not believed: a PNG sent as "scan.pdf" is stored as a PNG.
      expect(await upload('/api/registry/scans', a.token, PNG, 'scan.pdf', 'application/pdf')).toMatchObject({ status: 201, body: { mediaType: 'image/png' } });
      expect(await upload('/api/registry/scans', a.token, JPEG, 'scan.jpg', 'image/jpeg')).toMatchObject({ status: 201, body: { mediaType: 'image/jpeg' } });
      expect(await upload('/api/registry/scans', a.token, PDF, 'again.pdf')).toMatchObject({ status: 201, body: { id: pdfId } });
      expect(await sql(`SELECT media_type FROM qualification_scan WHERE organization_id = $1 ORDER BY media_type`, [a.id])).toEqual([
        { media_type: 'application/pdf' },
        { media_type: 'image/jpeg' },
        { media_type: 'image/png' },
      ]);
    });

    it('refuses other types whatever they are called, an empty file, one over 10 MiB and a request without a file, storing nothing', async () => {
      const before = await count('qualification_scan');
      const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
      expect(await upload('/api/registry/scans', a.token, html, 'cert.pdf', 'application/pdf')).toMatchObject({ status: 400, body: { code: 'REGISTRY.SCAN_TYPE_NOT_ALLOWED', field: 'file' } });
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
      expect(await upload('/api/registry/scans', a.token, svg, 'cert.png', 'image/png')).toMatchObject({ status: 400, body: { code: 'REGISTRY.SCAN_TYPE_NOT_ALLOWED', field: 'file' } });
      expect(await upload('/api/registry/scans', a.token, Buffer.from([0x4d, 0x5a, 0x90, 0x00]), 'cert.jpg')).toMatchObject({ status: 400, body: { field: 'file' } });
      expect(await upload('/api/registry/scans', a.token, Buffer.alloc(0), 'empty.pdf')).toMatchObject({ status: 400, body: { code: 'REGISTRY.SCAN_EMPTY', field: 'file' } });
      const huge = Buffer.alloc(10 * 1024 * 1024 + 1);
      PDF.copy(huge);
      expect(await upload('/api/registry/scans', a.token, huge, 'huge.pdf')).toMatchObject({ status: 413, body: { code: 'REQUEST.FILE_TOO_LARGE', field: 'file' } });
      const atLimit = Buffer.alloc(10 * 1024 * 1024);
      PDF.copy(atLimit);
      expect(await upload('/api/registry/scans', b.token, atLimit, 'big.pdf')).toMatchObject({ status: 201, body: { sizeBytes: atLimit.length } });
      expect(await call('POST', '/api/registry/scans', { token: a.token, body: { file: PDF.toString('base64') } })).toMatchObject({ status: 400, body: { code: 'REQUEST.FILE_REQUIRED', field: 'file' } });
      expect(await count('qualification_scan')).toBe(before + 1);
    });

    it('lets only agency users upload, for the firm their account acts for', async () => {
      expect(await upload('/api/registry/scans', admin, PDF, 'x.pdf')).toMatchObject({ status: 403 });
      expect(await upload('/api/registry/scans', owner, PDF, 'x.pdf')).toMatchObject({ status: 403 });
      expect(await upload('/api/registry/scans', null, PDF, 'x.pdf')).toMatchObject({ status: 401 });
      expect(await upload('/api/registry/scans', token('AGENCY', 'not-a-uuid'), PDF, 'x.pdf')).toMatchObject({ status: 400, body: { field: 'organizationId' } });
    });

    it('serves a scan to its firm, the operator and supervisors only, as a download of its checked type that no browser runs', async () => {
      for (const reader of [a.token, admin, supervisor]) {
        const res = await fetch(`${running.base}/api/registry/scans/${pdfId}`, { headers: { authorization: `Bearer ${reader}` } });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[0-9a-f]{16}\.pdf"$/);
        expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
        expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
      }
      expect(await call('GET', `/api/registry/scans/${pdfId}`, { token: b.token })).toMatchObject({ status: 403, body: { code: 'REGISTRY.NOT_YOUR_SCAN' } });
      expect(await call('GET', `/api/registry/scans/${pdfId}`, { token: owner })).toMatchObject({ status: 403 });
      expect(await call('GET', `/api/registry/scans/${pdfId}`)).toMatchObject({ status: 401 });
      expect(await call('GET', `/api/registry/scans/${randomUUID()}`, { token: admin })).toMatchObject({ status: 404 });
    });
  });

  describe('registration and review', () => {
    const a = firm();
    const b = firm();
    let applicationId: string;

    it('takes a complete application from the firm, SUBMITTED at revision 1', async () => {
      const scanId = await scanOf(a);
      const res = await call('POST', '/api/registry/registrations', { token: a.token, body: application(a, scanId) });
      expect(res).toMatchObject({ status: 201, body: { agencyId: a.id, status: 'SUBMITTED', revision: 1 } });
      applicationId = res.body.id;
      // Nothing is public or on the bus before the review.
      expect(await outbox(a.id)).toEqual([]);
      expect(await sql(`SELECT 1 FROM agency WHERE id = $1`, [a.id])).toEqual([]);
    });

    it('refuses bad input with a 400 naming the field, writing nothing', async () => {
      const c = firm();
      const scanId = await scanOf(c);
      const before = await count('registration_application');
      const bad: [Record<string, unknown>, string][] = [
        [{ creditCode: c.creditCode.slice(0, 17) + (c.creditCode[17] === '0' ? '1' : '0') }, 'creditCode'],
        [{ legalRepresentative: '' }, 'legalRepresentative'],
        [{ contacts: [{ name: '李敏', phone: 'n/a' }] }, 'contacts.0.phone'],
        [{ qualifications: [{ ...application(c, scanId).qualifications[0], level: 12 }] }, 'qualifications.0.level'],
        [{ qualifications: [{ ...application(c, scanId).qualifications[0], validUntil: '2026-02-28' }] }, 'qualifications.0.validUntil'],
        [{ qualifications: [{ ...application(c, scanId).qualifications[0], scanId: 'nope' }] }, 'qualifications.0.scanId'],
        [{ serviceItems: ['EIA-REPORT', 'SURVEY-MAPPING'] }, 'serviceItems.1'],
        [{ serviceItems: ['NO-SUCH-ITEM'] }, 'serviceItems.0'],
        [{ region: 'Hangzhou' }, 'region'],
      ];
      for (const [overrides, field] of bad) {
        expect({ overrides, ...(await call('POST', '/api/registry/registrations', { token: c.token, body: application(c, scanId, overrides) })) }).toMatchObject({ status: 400, body: { field } });
      }
      // Another firm's scan is not this firm's evidence.
      const othersScan = await scanOf(a);
      expect(await call('POST', '/api/registry/registrations', { token: c.token, body: application(c, othersScan) })).toMatchObject({
        status: 400,
        body: { code: 'REGISTRY.UNKNOWN_SCAN', field: 'qualifications.0.scanId' },
      });
      expect(await count('registration_application')).toBe(before);
    });

    it('keeps one open application per firm and per credit code, and only agency users apply', async () => {
      const scanId = await scanOf(a);
      expect(await call('POST', '/api/registry/registrations', { token: a.token, body: application(a, scanId) })).toMatchObject({ status: 409, body: { code: 'REGISTRY.APPLICATION_OPEN' } });
      const c = firm();
      const cScan = await scanOf(c);
      expect(await call('POST', '/api/registry/registrations', { token: c.token, body: application({ creditCode: a.creditCode }, cScan) })).toMatchObject({
        status: 409,
        body: { code: 'REGISTRY.CREDIT_CODE_TAKEN', field: 'creditCode' },
      });
      for (const other of [admin, supervisor, owner]) expect(await call('POST', '/api/registry/registrations', { token: other, body: application(c, cScan) })).toMatchObject({ status: 403 });
    });

    it('lets only the operator review; it asks for changes with a reason, and the firm alone can see and resubmit', async () => {
      const review = (auth: string, body: unknown) => call('POST', `/api/registry/registrations/${applicationId}/review`, { token: auth, body });
      for (const other of [supervisor, a.token, owner]) expect(await review(other, { decision: 'APPROVE' })).toMatchObject({ status: 403 });
      expect(await review(admin, { decision: 'MAYBE' })).toMatchObject({ status: 400, body: { field: 'decision' } });
      expect(await review(admin, { decision: 'REQUEST_CHANGES', reason: ' ' })).toMatchObject({ status: 400, body: { code: 'REGISTRY.REASON_REQUIRED', field: 'reason' } });
      expect(await review(admin, { decision: 'REQUEST_CHANGES', reason: '请补充测绘资质或删去无关事项' })).toMatchObject({ status: 200, body: { status: 'CHANGES_REQUESTED', revision: 1 } });
      expect(await review(admin, { decision: 'APPROVE' })).toMatchObject({ status: 409, body: { code: 'REGISTRY.APPLICATION_NOT_REVIEWABLE' } });

      expect(await call('GET', `/api/registry/registrations/${applicationId}`, { token: b.token })).toMatchObject({ status: 403 });
      expect(await call('GET', `/api/registry/registrations/${applicationId}`, { token: owner })).toMatchObject({ status: 403 });
      const scanId = await scanOf(a);
      const corrected = application(a, scanId, { legalRepresentative: '王立新', serviceItems: ['EIA-REPORT', 'EIA-TABLE', 'EIA-ACCEPTANCE'] });
      expect(await call('PUT', `/api/registry/registrations/${applicationId}`, { token: b.token, body: corrected })).toMatchObject({ status: 403, body: { code: 'REGISTRY.NOT_YOUR_APPLICATION' } });
      expect(await call('PUT', `/api/registry/registrations/${applicationId}`, { token: a.token, body: { ...corrected, serviceItems: ['SURVEY-MAPPING'] } })).toMatchObject({
        status: 400,
        body: { field: 'serviceItems.0' },
      });
      expect(await call('PUT', `/api/registry/registrations/${applicationId}`, { token: a.token, body: corrected })).toMatchObject({ status: 200, body: { status: 'SUBMITTED', revision: 2 } });
      expect(await call('PUT', `/api/registry/registrations/${applicationId}`, { token: a.token, body: corrected })).toMatchObject({ status: 409 });
      const queue = await call('GET', '/api/registry/registrations?status=SUBMITTED', { token: admin });
      expect(queue.body.map((r: { id: string }) => r.id)).toContain(applicationId);
      const own = await call('GET', '/api/registry/registrations', { token: b.token });
      expect(own).toMatchObject({ status: 200, body: [] });
    });

    it('approves: the firm is registered ACTIVE with one qualification per offered item, and the bus says so in order', async () => {
      const res = await call('POST', `/api/registry/registrations/${applicationId}/review`, { token: admin, body: { decision: 'APPROVE' } });
      expect(res).toMatchObject({ status: 200, body: { status: 'APPROVED', revision: 2, agencyId: a.id } });
      const events = await outbox(a.id);
      expect(events.map((e) => e.type)).toEqual([
        'registry.AgencyRegistered',
        'registry.AgencyQualificationGranted',
        'registry.AgencyQualificationGranted',
        'registry.AgencyQualificationGranted',
        'registry.AgencyServiceItemsChanged',
        'registry.AgencyStatusChanged',
        'registry.AgencyRegistrationApproved',
      ]);
      const certificate = `HP-${a.creditCode.slice(-6)}`;
      expect(events[1].payload).toEqual({ agencyId: a.id, qualificationId: `${a.id}/${certificate}/EIA-REPORT`, serviceItemCode: 'EIA-REPORT', level: 2, validFrom: '2025-01-01', validUntil: '2028-12-31' });
      expect(events[4].payload).toEqual({ agencyId: a.id, serviceItems: ['EIA-REPORT', 'EIA-TABLE', 'EIA-ACCEPTANCE'], added: ['EIA-REPORT', 'EIA-TABLE', 'EIA-ACCEPTANCE'], removed: [], sequence: 1 });
      expect(events[5].payload).toEqual({ agencyId: a.id, from: 'PENDING', to: 'ACTIVE', reason: 'registration approved', sequence: 1 });
      expect(events[6].payload).toEqual({ agencyId: a.id, applicationId, revision: 2, serviceItems: ['EIA-REPORT', 'EIA-TABLE', 'EIA-ACCEPTANCE'] });
      // Contacts and the legal representative are private: not on the bus.
      expect(JSON.stringify(events)).not.toContain('李敏');

      const full = await call('GET', `/api/registry/registrations/${applicationId}`, { token: a.token });
      expect(full.body.history.map((h: { action: string; revision: number }) => [h.action, h.revision])).toEqual([
        ['SUBMITTED', 1],
        ['CHANGES_REQUESTED', 1],
        ['RESUBMITTED', 2],
        ['APPROVED', 2],
      ]);
      expect(full.body.revisions.map((r: { revision: number; content: { legalRepresentative: string } }) => [r.revision, r.content.legalRepresentative])).toEqual([
        [1, '王立'],
        [2, '王立新'],
      ]);
      const profile = (await call('GET', `/api/registry/directory/${a.id}`)).body;
      expect(profile).toMatchObject({ status: 'ACTIVE', serviceItems: ['EIA-REPORT', 'EIA-TABLE', 'EIA-ACCEPTANCE'], certificates: [{ certificateNumber: certificate, issuer: '浙江省生态环境厅', current: true }] });
      expect(profile.qualifications.every((q: { current: boolean }) => q.current)).toBe(true);
      expect(JSON.stringify(profile)).not.toContain('李敏');
      expect(JSON.stringify(profile)).not.toContain('scan');
      const found = (await call('GET', '/api/registry/directory?serviceItemCode=EIA-ACCEPTANCE')).body.map((r: { id: string }) => r.id);
      expect(found).toContain(a.id);
      const record = (await call('GET', `/api/registry/agencies/${a.id}`, { token: a.token })).body;
      expect(record).toMatchObject({ status: 'ACTIVE', legalRepresentative: '王立新', contacts: [{ name: '李敏' }], certificates: [{ scanId: expect.any(String) }] });
      expect(await call('POST', '/api/registry/registrations', { token: a.token, body: application(a, await scanOf(a)) })).toMatchObject({ status: 409, body: { code: 'REGISTRY.ALREADY_REGISTERED' } });
    });

    it('rejects only with a reason; nothing is registered, the decision is on the bus, and the firm may apply again', async () => {
      const scanId = await scanOf(b);
      const submitted = await call('POST', '/api/registry/registrations', { token: b.token, body: application(b, scanId) });
      const path = `/api/registry/registrations/${submitted.body.id}/review`;
      expect(await call('POST', path, { token: admin, body: { decision: 'REJECT' } })).toMatchObject({ status: 400, body: { field: 'reason' } });
      expect(await call('POST', path, { token: admin, body: { decision: 'REJECT', reason: '营业执照与信用代码不符' } })).toMatchObject({ status: 200, body: { status: 'REJECTED' } });
      expect(await outbox(b.id)).toEqual([
        { type: 'registry.AgencyRegistrationRejected', payload: { agencyId: b.id, applicationId: submitted.body.id, revision: 1, reason: '营业执照与信用代码不符' } },
      ]);
      expect(await sql(`SELECT 1 FROM agency WHERE id = $1`, [b.id])).toEqual([]);
      expect(await call('GET', `/api/registry/directory/${b.id}`)).toMatchObject({ status: 404 });
      expect(await call('POST', path, { token: admin, body: { decision: 'APPROVE' } })).toMatchObject({ status: 409 });
      expect(await call('POST', '/api/registry/registrations', { token: b.token, body: application(b, scanId) })).toMatchObject({ status: 201, body: { revision: 1 } });
    });

    it('serves two reviewers deciding at once one after the other: one approval, one refusal, one agency', async () => {
      const c = firm();
      const submitted = await call('POST', '/api/registry/registrations', { token: c.token, body: application(c, await scanOf(c)) });
      const path = `/api/registry/registrations/${submitted.body.id}/review`;
      const answers = await Promise.all([
        call('POST', path, { token: admin, body: { decision: 'APPROVE' } }),
        call('POST', path, { token: token('ADMIN', null, 'admin-2'), body: { decision: 'APPROVE' } }),
      ]);
      expect(answers.map((a) => [a.status, a.body.code]).sort()).toEqual([
        [200, undefined],
        [409, 'REGISTRY.APPLICATION_NOT_REVIEWABLE'],
      ]);
      const types = (await outbox(c.id)).map((e) => e.type);
      expect(types.filter((t) => t === 'registry.AgencyRegistered' || t === 'registry.AgencyRegistrationApproved')).toEqual(['registry.AgencyRegistered', 'registry.AgencyRegistrationApproved']);
    });

    it('lets the firm alone change its offered items within what its certificates cover', async () => {
      const path = `/api/registry/agencies/${a.id}/service-items`;
      for (const other of [b.token, admin, supervisor]) expect(await call('PUT', path, { token: other, body: { serviceItems: ['EIA-REPORT'] } })).toMatchObject({ status: 403 });
      expect(await call('PUT', path, { token: a.token, body: { serviceItems: ['EIA-REPORT', 'COST-CONSULT'] } })).toMatchObject({ status: 400, body: { code: 'REGISTRY.ITEM_NOT_COVERED', field: 'serviceItems.1' } });
      expect(await call('PUT', path, { token: a.token, body: { serviceItems: ['EIA-REPORT', 'EIA-EMERGENCY-PLAN'] } })).toMatchObject({
        status: 200,
        body: { serviceItems: ['EIA-REPORT', 'EIA-EMERGENCY-PLAN'], sequence: 2 },
      });
      const events = (await outbox(a.id)).slice(-2);
      expect(events.map((e) => e.type)).toEqual(['registry.AgencyQualificationGranted', 'registry.AgencyServiceItemsChanged']);
      expect(events[1].payload).toEqual({ agencyId: a.id, serviceItems: ['EIA-REPORT', 'EIA-EMERGENCY-PLAN'], added: ['EIA-EMERGENCY-PLAN'], removed: ['EIA-TABLE', 'EIA-ACCEPTANCE'], sequence: 2 });
    });
  });

  describe('bulk import', () => {
    const agencyHeader = AGENCY_IMPORT_COLUMNS.map((c) => c.name);
    const agencyRow = (creditCode: string, over: Record<string, string> = {}) => {
      const v: Record<string, string> = {
        name: `导入机构${creditCode.slice(-4)}`, creditCode, region: '330100', legalRepresentative: '赵强', contactName: '钱红', contactPhone: '13900000000', contactEmail: 'qian@example.cn',
        qualificationType: 'SURVEYING_AND_MAPPING', level: '2', certificateNumber: `CH-${creditCode.slice(-6)}`, issuer: '浙江省自然资源厅', validFrom: '2026-01-01', validUntil: '2029-06-30', serviceItems: 'SURVEY-MAPPING',
        ...over,
      };
      return agencyHeader.map((h) => v[h]);
    };
    const csv = (rows: string[][]) => Buffer.from('\ufeff' + rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n');
    async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
      const workbook = new Workbook();
      const sheet = workbook.addWorksheet('import');
      rows.forEach((r) => sheet.addRow(r));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    }
    const snapshot = async () => ({ agencies: await count('agency'), qualifications: await count('qualification'), outbox: await count('outbox'), items: await count('service_item') });

    it('lets only the operator import', async () => {
      const file = csv([agencyHeader, agencyRow(uniqueCreditCode())]);
      for (const other of [supervisor, owner, token('AGENCY', randomUUID())]) expect(await upload('/api/registry/imports/agencies', other, file, 'a.csv')).toMatchObject({ status: 403 });
      expect(await upload('/api/registry/imports/catalog', supervisor, file, 'c.csv')).toMatchObject({ status: 403 });
      expect(await upload('/api/registry/imports/agencies', null, file, 'a.csv')).toMatchObject({ status: 401 });
    });

    it('imports firms from CSV: several rows per firm, each ACTIVE with its certificates, items and events', async () => {
      const [x, y] = [uniqueCreditCode(), uniqueCreditCode()];
      const file = csv([
        agencyHeader,
        agencyRow(x),
        agencyRow(x, { qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', level: '1', certificateNumber: `HP-${x.slice(-6)}`, issuer: '生态环境部', serviceItems: 'EIA-REPORT;EIA-TABLE' }),
        agencyRow(y, { name: '导入机构, "带引号"' }),
      ]);
      const res = await upload('/api/registry/imports/agencies', admin, file, 'agencies.csv', 'text/csv');
      expect(res).toMatchObject({ status: 201, body: { imported: 2, agencies: [{ creditCode: x, rows: [2, 3] }, { creditCode: y, rows: [4] }] } });
      const xId = res.body.agencies[0].id;
      expect((await outbox(xId)).map((e) => e.type)).toEqual([
        'registry.AgencyRegistered',
        'registry.AgencyQualificationGranted',
        'registry.AgencyQualificationGranted',
        'registry.AgencyQualificationGranted',
        'registry.AgencyServiceItemsChanged',
        'registry.AgencyStatusChanged',
      ]);
      expect((await call('GET', `/api/registry/directory/${xId}`)).body).toMatchObject({ status: 'ACTIVE', serviceItems: ['SURVEY-MAPPING', 'EIA-REPORT', 'EIA-TABLE'] });
      expect((await call('GET', `/api/registry/directory/${res.body.agencies[1].id}`)).body.name).toBe('导入机构, "带引号"');
    });

    it('imports firms from an .xlsx workbook with date and number cells', async () => {
      const z = uniqueCreditCode();
      const row = agencyRow(z) as (string | number | Date)[];
      row[agencyHeader.indexOf('level')] = 3;
      row[agencyHeader.indexOf('validFrom')] = new Date(Date.UTC(2026, 0, 1));
      row[agencyHeader.indexOf('validUntil')] = new Date(Date.UTC(2029, 5, 30));
      const res = await upload('/api/registry/imports/agencies', admin, await xlsx([agencyHeader, row]), 'agencies.xlsx');
      expect(res).toMatchObject({ status: 201, body: { imported: 1, agencies: [{ creditCode: z, rows: [2] }] } });
      const profile = (await call('GET', `/api/registry/directory/${res.body.agencies[0].id}`)).body;
      expect(profile.certificates).toEqual([expect.objectContaining({ level: 3, validFrom: '2026-01-01', validUntil: '2029-06-30' })]);
    });

    it('imports nothing from a file with one bad row, and reports each bad row with its column', async () => {
      const before = await snapshot();
      const taken = (await sql(`SELECT credit_code FROM agency LIMIT 1`))[0].credit_code;
      const good = [agencyRow(uniqueCreditCode()), agencyRow(uniqueCreditCode())];
      const res = await upload('/api/registry/imports/agencies', admin, csv([agencyHeader, ...good, agencyRow(uniqueCreditCode(), { validUntil: '2029-02-30' })]), 'bad.csv');
      expect(res).toMatchObject({ status: 400, body: { code: 'REGISTRY.IMPORT_REJECTED', field: 'file', errors: [{ row: 4, column: 'validUntil', code: 'REGISTRY.INVALID_DATE' }] } });
      expect(await snapshot()).toEqual(before);
      const several = await upload(
        '/api/registry/imports/agencies',
        admin,
        await xlsx([agencyHeader, good[0], agencyRow(taken), agencyRow(uniqueCreditCode(), { serviceItems: 'EIA-REPORT' })]),
        'bad.xlsx',
      );
      expect(several.status).toBe(400);
      expect(several.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
        [3, 'creditCode', 'REGISTRY.CREDIT_CODE_TAKEN'],
        [4, 'serviceItems', 'REGISTRY.ITEM_NOT_COVERED'],
      ]);
      expect(await upload('/api/registry/imports/agencies', admin, Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'utf16.csv')).toMatchObject({ status: 400, body: { code: 'REGISTRY.IMPORT_NOT_UTF8', field: 'file' } });
      expect(await upload('/api/registry/imports/agencies', admin, Buffer.from('PK\u0003\u0004 not a zip'), 'fake.xlsx')).toMatchObject({ status: 400, body: { code: 'REGISTRY.IMPORT_BAD_WORKBOOK' } });
      expect(await snapshot()).toEqual(before);
    });

    it('imports catalog items from CSV or .xlsx as recorded changes, or none of a file with a bad row', async () => {
      const header = CATALOG_IMPORT_COLUMNS.map((c) => c.name);
      const row = (code: string, over: Record<string, string> = {}) => {
        const v: Record<string, string> = {
          categoryCode: 'HERITAGE', categoryNameZh: '文物保护', categoryNameEn: 'Heritage protection', code, nameZh: '文物影响评估', nameEn: 'Heritage impact assessment',
          contentZh: '评估建设项目对文物的影响', contentEn: 'Impact of a project on cultural relics', legalBasis: '《中华人民共和国文物保护法》', timeLimitWorkingDays: '20',
          processStepsZh: '现场调查|编制报告', processStepsEn: 'Site survey|Report', feeBasisZh: '按工作量', feeBasisEn: 'By workload', standardFeeFen: '', qualificationType: 'HERITAGE_ASSESSMENT', minimumLevel: '2',
          ...over,
        };
        return header.map((h) => v[h]);
      };
      const revision = async () => (await sql(`SELECT revision FROM catalog_state`))[0].revision;
      const before = await revision();
      const bad = await upload('/api/registry/imports/catalog', admin, await xlsx([header, row('HERITAGE-SURVEY'), row('HERITAGE-PLAN', { timeLimitWorkingDays: '0' })]), 'catalog.xlsx');
      expect(bad).toMatchObject({ status: 400, body: { code: 'REGISTRY.IMPORT_REJECTED', errors: [{ row: 3, column: 'timeLimitWorkingDays', code: 'REGISTRY.INVALID_TIME_LIMIT' }] } });
      expect(await revision()).toBe(before);
      expect(await sql(`SELECT code FROM service_category WHERE code = 'HERITAGE'`)).toEqual([]);
      const good = await upload('/api/registry/imports/catalog', admin, csv([header, row('HERITAGE-SURVEY'), row('HERITAGE-PLAN', { standardFeeFen: '1500000' })]), 'catalog.csv');
      expect(good).toMatchObject({ status: 201, body: { imported: 2, newCategories: ['HERITAGE'] } });
      expect(await revision()).toBe(before + 2);
      expect((await call('GET', '/api/registry/catalog/items/HERITAGE-PLAN')).body).toMatchObject({ standardFeeFen: 1500000, status: 'ACTIVE' });
      const changes = (await call('GET', '/api/registry/catalog/changes')).body;
      expect(changes.slice(-2).map((c: { kind: string; itemCodes: string[]; reason: string }) => [c.kind, c.itemCodes, c.reason])).toEqual([
        ['ADDED', ['HERITAGE-SURVEY'], 'bulk import'],
        ['ADDED', ['HERITAGE-PLAN'], 'bulk import'],
      ]);
      expect((await outbox('HERITAGE-PLAN')).map((e) => e.type)).toEqual(['registry.ServiceItemPublished']);
    });
  });

  describe('qualification expiry', () => {
    const f = firm();

    it('expires a qualification at the end of its last day, once, across a restart, and the directory stops counting it', async () => {
      const scanId = await scanOf(f);
      const body = application(f, scanId, {
        qualifications: [{ qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', level: 1, certificateNumber: 'HP-SHORT', issuer: '生态环境部', validFrom: '2025-01-01', validUntil: '2026-03-10', scanId }],
        serviceItems: ['EIA-REPORT'],
      });
      const submitted = await call('POST', '/api/registry/registrations', { token: f.token, body });
      expect((await call('POST', `/api/registry/registrations/${submitted.body.id}/review`, { token: admin, body: { decision: 'APPROVE' } })).status).toBe(200);
      const listed = async () => (await call('GET', '/api/registry/directory?serviceItemCode=EIA-REPORT&limit=500')).body.map((r: { id: string }) => r.id);
      expect(await listed()).toContain(f.id);

      clock.set(new Date('2026-03-10T15:59:59.999Z'));
      await running.registry.scheduler.runDue();
      expect((await outbox(f.id)).map((e) => e.type)).not.toContain('registry.AgencyQualificationExpired');

      await running.app.close();
      // The service is down when the certificate runs out; the deadline is in its database.
      clock.set(new Date('2026-03-12T01:00:00.000Z'));
      running = await start(database);
      // The restarted service's own scheduler loop may be the one that runs it: wait for the deadline to be done.
      await running.registry.scheduler.runDue();
      await waitFor(() => sql(`SELECT done_at FROM scheduled_task WHERE key = $1`, [`${f.id}/HP-SHORT/EIA-REPORT`]), (rows) => rows[0]?.done_at !== null, { what: 'the expiry deadline to run' });
      await running.registry.scheduler.runDue();
      const expired = (await outbox(f.id)).filter((e) => e.type === 'registry.AgencyQualificationExpired');
      expect(expired.map((e) => e.payload)).toEqual([
        { agencyId: f.id, qualificationId: `${f.id}/HP-SHORT/EIA-REPORT`, serviceItemCode: 'EIA-REPORT', validUntil: '2026-03-10', expiredAt: '2026-03-12T01:00:00.000Z' },
      ]);
      expect(await listed()).not.toContain(f.id);
      const profile = (await call('GET', `/api/registry/directory/${f.id}`)).body;
      expect(profile.qualifications).toEqual([expect.objectContaining({ serviceItemCode: 'EIA-REPORT', current: false, expiredAt: '2026-03-12T01:00:00.000Z' })]);
      expect(profile.certificates).toEqual([expect.objectContaining({ certificateNumber: 'HP-SHORT', current: false })]);
      const row = (await call('GET', '/api/registry/directory?q=' + encodeURIComponent('之江') + '&limit=500')).body.find((r: { id: string }) => r.id === f.id);
      expect(row.qualifications).toEqual([expect.objectContaining({ serviceItemCode: 'EIA-REPORT', current: false })]);
      // An expired certificate no longer covers a newly offered item.
      expect(await call('PUT', `/api/registry/agencies/${f.id}/service-items`, { token: f.token, body: { serviceItems: ['EIA-REPORT', 'EIA-TABLE'] } })).toMatchObject({
        status: 400,
        body: { code: 'REGISTRY.ITEM_NOT_COVERED' },
      });
    });
  });
});
