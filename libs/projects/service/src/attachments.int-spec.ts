import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { MAX_ATTACHMENT_BYTES } from '@mkt/projects/core';
import { ServiceItemPublishedV1 } from '@mkt/registry/contracts';
import { issueTestToken } from '@mkt/shared/auth/testing';
import type { ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient } from '@mkt/shared/testing';
import { startProjectsSpecApp } from './projects-spec-app';

/** Attachments on a posting: types by content, size limit, who may add them when, and who may download them when. */
const secret = 'projects-attachments-spec-secret-0123456789';
const clock = new FixedClock(new Date('2026-03-02T01:00:00.000Z'));
const DAY = 86_400_000;

const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-${org}`, role, organizationId: org });
const owner = token('OWNER', 'owner-org-1');
const otherOwner = token('OWNER', 'owner-org-2');
const supervisor = token('SUPERVISOR');
const agency = token('AGENCY', 'agency-1');

/** A ZIP archive of empty entries with these names (local headers, central directory, end record). */
function zipOf(names: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(n.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, n);
    central.push(entry, n);
    offset += 30 + n.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const DOCX = zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('projects service: attachments on a posting', () => {
  let app: INestApplication;
  let base: string;
  let projects: ServicePlatform;
  const call = jsonClient(() => base);

  const upload = async (projectId: string, content: Buffer, name: string, as: string | null = owner) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/octet-stream' }), name);
    const res = await fetch(`${base}/api/projects/projects/${projectId}/attachments`, { method: 'POST', headers: as ? { authorization: `Bearer ${as}` } : {}, body: form });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
  const download = async (path: string, as: string | null = null) => {
    const res = await fetch(`${base}${path}`, { headers: as ? { authorization: `Bearer ${as}` } : {} });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const draft = async (signUp: Record<string, unknown> = { mode: 'WINDOW', opensAt: clock.now().toISOString(), closesAt: new Date(clock.now().getTime() + 4 * DAY).toISOString() }) => {
    const res = await call('POST', '/api/projects/projects', {
      token: owner,
      body: {
        title: '某厂区环境影响评价', serviceItemCode: 'EIA-REPORT', description: '环评报告书', budgetCapFen: 8_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 30,
        selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3 }, signUp, conflicts: [],
      },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const projectOf = async (id: string) => (await call('GET', `/api/projects/projects/${id}`, { token: owner })).body;

  beforeAll(async () => {
    ({ app, base, projects } = await startProjectsSpecApp({ secret, clock }));
    await projects.inbox.deliver(eventMessage(ServiceItemPublishedV1, 'EIA-REPORT', {
      code: 'EIA-REPORT', categoryCode: 'EIA', categoryNameZhCN: '环境影响评价', categoryNameEn: 'EIA', nameZhCN: '环境影响报告书编制', nameEn: 'Environmental impact report',
      contentZhCN: '编制报告书', contentEn: 'Draft the report', legalBasis: '《环境影响评价法》', timeLimitWorkingDays: 20, processStepsZhCN: ['编制'], processStepsEn: ['Draft'],
      feeBasisZhCN: '按标准', feeBasisEn: 'By the standard', standardFeeFen: 5_000_000, qualificationType: 'EIA', minimumLevel: 2, version: 1, reason: 'spec',
      effectiveDate: '2026-03-02', catalogRevision: 1,
    }));
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('takes PDF, PNG, DOCX and a real XLSX workbook for a draft and lists each with name, type, size and SHA-256', async () => {
    const id = await draft();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('工程量清单').addRow(['项目', '数量']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const pdf = await upload(id, PDF, '招标文件.pdf');
    expect(pdf).toMatchObject({ status: 201, body: { name: '招标文件.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF), status: 'ATTACHED' } });
    expect(await upload(id, PNG, '现场照片.png')).toMatchObject({ status: 201, body: { mediaType: 'image/png' } });
    expect(await upload(id, DOCX, 'C:\\fakepath\\技术要求.docx')).toMatchObject({ status: 201, body: { name: '技术要求.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
    expect(await upload(id, xlsx, '工程量清单.xlsx')).toMatchObject({ status: 201, body: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sha256: sha256(xlsx) } });
    const project = await projectOf(id);
    expect(project.attachments.map((a: { name: string }) => a.name)).toEqual(['招标文件.pdf', '现场照片.png', '技术要求.docx', '工程量清单.xlsx']);
    expect(project.attachments[0]).toEqual({ id: pdf.body.id, name: '招标文件.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF), addedAt: clock.now().toISOString(), amendment: null });
    expect(project.history.filter((h: { kind: string }) => h.kind === 'attachment-added')).toHaveLength(4);
  });

  it('refuses other types by content whatever the name says, empty and oversized files, and the same file twice', async () => {
    const id = await draft();
    for (const [content, name] of [
      [Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), 'notice.pdf'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'drawing.png'],
      [Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'setup.docx'],
      [zipOf(['payload.exe']), 'archive.xlsx'],
    ] as const) {
      expect(await upload(id, content, name)).toMatchObject({ status: 400, body: { code: 'PROJECTS.ATTACHMENT_TYPE_NOT_ALLOWED', field: 'file' } });
    }
    expect(await upload(id, zipOf(['[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin']), 'macro.docx')).toMatchObject({ status: 400, body: { code: 'PROJECTS.ATTACHMENT_HAS_MACROS', field: 'file' } });
    expect(await upload(id, Buffer.alloc(0), 'empty.pdf')).toMatchObject({ status: 400, body: { field: 'file' } });
    const oversized = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    PDF.copy(oversized);
    expect(await upload(id, oversized, 'big.pdf')).toMatchObject({ status: 413, body: { code: 'REQUEST.FILE_TOO_LARGE', field: 'file' } });
    expect(await upload(id, PDF, 'a.pdf')).toMatchObject({ status: 201 });
    expect(await upload(id, PDF, 'again.pdf')).toMatchObject({ status: 409, body: { code: 'PROJECTS.ATTACHMENT_EXISTS', field: 'file' } });
    expect((await projectOf(id)).attachments).toHaveLength(1);
  });

  it("lets only the project's owner add documents", async () => {
    const id = await draft();
    expect(await upload(id, PDF, 'a.pdf', null)).toMatchObject({ status: 401 });
    expect(await upload(id, PDF, 'a.pdf', otherOwner)).toMatchObject({ status: 403, body: { code: 'PROJECTS.NOT_PROJECT_OWNER' } });
    for (const who of [agency, supervisor, token('ADMIN')]) expect(await upload(id, PDF, 'a.pdf', who)).toMatchObject({ status: 403 });
    expect(await upload('00000000-0000-4000-8000-000000000000', PDF, 'a.pdf')).toMatchObject({ status: 404 });
    // Ownership is settled before anything is said about the file.
    expect(await call('POST', `/api/projects/projects/${id}/attachments`, { token: otherOwner, body: {} })).toMatchObject({ status: 403 });
    expect(await call('POST', `/api/projects/projects/${id}/attachments`, { token: owner, body: {} })).toMatchObject({ status: 400, body: { code: 'REQUEST.FILE_REQUIRED', field: 'file' } });
    expect((await projectOf(id)).attachments).toEqual([]);
  });

  it("serves a draft's documents to its owner and supervisors only, then to anyone once published, always as a download", async () => {
    const id = await draft();
    const { body: file } = await upload(id, PDF, "招标文件 (final)'s.pdf");
    const privatePath = `/api/projects/projects/${id}/attachments/${file.id}`;
    const publicPath = `/api/projects/announcements/${id}/attachments/${file.id}`;
    expect((await download(privatePath)).status).toBe(401);
    expect((await download(privatePath, otherOwner)).status).toBe(403);
    expect((await download(privatePath, agency)).status).toBe(403);
    expect((await download(privatePath, supervisor)).status).toBe(200);
    expect((await download(publicPath)).status).toBe(404);
    expect((await download(publicPath, owner)).status).toBe(404);

    const mine = await download(privatePath, owner);
    expect(mine.status).toBe(200);
    expect(mine.bytes.equals(PDF)).toBe(true);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(mine.headers.get('content-disposition')).toBe(`attachment; filename="____ (final)'s.pdf"; filename*=UTF-8''%E6%8B%9B%E6%A0%87%E6%96%87%E4%BB%B6%20%28final%29%27s.pdf`);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');

    expect(await call('POST', `/api/projects/projects/${id}/publish`, { token: owner })).toMatchObject({ status: 200 });
    const anyone = await download(publicPath);
    expect(anyone.status).toBe(200);
    expect(anyone.bytes.equals(PDF)).toBe(true);
    expect(anyone.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(anyone.headers.get('x-content-type-options')).toBe('nosniff');
    expect(anyone.headers.get('x-attachment-sha256')).toBe(sha256(PDF));
    const announced = (await call('GET', '/api/projects/announcements')).body.find((a: { id: string }) => a.id === id);
    expect(announced.attachments).toEqual([{ id: file.id, name: "招标文件 (final)'s.pdf", mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF), addedAt: expect.any(String), amendment: null }]);
    expect((await download(`/api/projects/announcements/${id}/attachments/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('adds a document to a published project only through a recorded amendment that reopens sign-up', async () => {
    const opensAt = clock.now().toISOString();
    const id = await draft({ mode: 'WINDOW', opensAt, closesAt: new Date(clock.now().getTime() + 4 * DAY).toISOString() });
    await call('POST', `/api/projects/projects/${id}/publish`, { token: owner });
    const held = await upload(id, DOCX, '补充说明.docx');
    expect(held).toMatchObject({ status: 201, body: { status: 'AWAITING_AMENDMENT' } });
    const publicPath = `/api/projects/announcements/${id}/attachments/${held.body.id}`;
    expect((await download(publicPath)).status).toBe(404);
    expect((await download(`/api/projects/projects/${id}/attachments/${held.body.id}`, owner)).status).toBe(200);
    const before = await projectOf(id);
    expect(before.attachments).toEqual([]);
    expect(before.awaitingAmendment.map((f: { id: string }) => f.id)).toEqual([held.body.id]);

    const amend = (body: Record<string, unknown>, as = owner) => call('POST', `/api/projects/projects/${id}/amendments`, { token: as, body });
    const later = { mode: 'WINDOW', opensAt, closesAt: new Date(clock.now().getTime() + 6 * DAY).toISOString() };
    expect(await amend({ reason: '补充说明', changes: { signUp: later }, attachmentIds: ['00000000-0000-4000-8000-000000000000'] })).toMatchObject({ status: 400, body: { code: 'PROJECTS.UNKNOWN_ATTACHMENT', field: 'attachmentIds.0' } });
    expect(await amend({ reason: '补充说明', changes: {}, attachmentIds: [held.body.id] })).toMatchObject({ status: 400, body: { field: 'signUp.closesAt' } });
    expect(await amend({ reason: '补充说明', changes: { signUp: later }, attachmentIds: [held.body.id] }, otherOwner)).toMatchObject({ status: 403 });
    expect(await amend({ reason: '补充说明', changes: { signUp: later }, attachmentIds: [held.body.id] })).toMatchObject({ status: 200, body: { status: 'PUBLISHED' } });

    const after = await projectOf(id);
    expect(after.attachments).toMatchObject([{ id: held.body.id, name: '补充说明.docx', amendment: 1 }]);
    expect(after.awaitingAmendment).toEqual([]);
    expect(after.history.find((h: { kind: string }) => h.kind === 'amended').event).toMatchObject({ reason: '补充说明', addedAttachments: [{ id: held.body.id }] });
    expect((await download(publicPath)).status).toBe(200);
    // The public announcement lists the amendment: its number, time, reason and the terms it changed.
    const announced = (await call('GET', '/api/projects/announcements')).body.find((a: { id: string }) => a.id === id);
    expect(announced.amendments).toEqual([{ amendment: 1, at: clock.now().toISOString(), reason: '补充说明', changedFields: ['signUp'] }]);
    expect(await amend({ reason: '再次补充', changes: { signUp: { ...later, closesAt: new Date(clock.now().getTime() + 7 * DAY).toISOString() } }, attachmentIds: [held.body.id] })).toMatchObject({
      status: 409,
      body: { code: 'PROJECTS.ATTACHMENT_EXISTS' },
    });
  });

  it("announces an amendment's changed terms, but not that the private conflict list changed", async () => {
    const id = await draft({ mode: 'ALL_ELIGIBLE' });
    await call('POST', `/api/projects/projects/${id}/publish`, { token: owner });
    const changes = { description: '范围扩大到 3 平方公里', conflicts: [{ agencyId: 'agency-9', reason: '股东关联' }] };
    expect(await call('POST', `/api/projects/projects/${id}/amendments`, { token: owner, body: { reason: '扩大测绘范围', changes } })).toMatchObject({ status: 200 });
    const announced = (await call('GET', '/api/projects/announcements')).body.find((a: { id: string }) => a.id === id);
    expect(announced.amendments).toEqual([{ amendment: 1, at: clock.now().toISOString(), reason: '扩大测绘范围', changedFields: ['description'] }]);
    expect(JSON.stringify(announced)).not.toContain('agency-9');
    expect((await projectOf(id)).history.find((h: { kind: string }) => h.kind === 'amended').event.changedFields).toEqual(['description', 'conflicts']);
  });

  it('takes no documents once the project is past publication', async () => {
    const id = await draft({ mode: 'ALL_ELIGIBLE' });
    await call('POST', `/api/projects/projects/${id}/publish`, { token: owner });
    expect(await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner })).toMatchObject({ status: 200, body: { status: 'SELECTING' } });
    expect(await upload(id, PDF, 'late.pdf')).toMatchObject({ status: 409, body: { code: 'PROJECTS.WRONG_STATUS' } });
  });
});
