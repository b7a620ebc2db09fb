import { refusalOf } from '@mkt/shared/kernel/testing';
import { attachmentMustBeAcceptable, attachmentName, detectAttachmentType, DOCX_MEDIA_TYPE, MAX_ATTACHMENTS, XLSX_MEDIA_TYPE, type Attachment } from './attachment.value-object';
import { aDraft, aProjectInSelection, aPublishedProject, at, DRAFTED_AT, OTHER_OWNER, OWNER, POSTING, SUPERVISOR } from './testing';

const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const bytes = (...b: number[]) => Uint8Array.from([...b, 0x00, 0x01, 0x02]);

/** A ZIP archive holding empty entries with these names: local headers, central directory, end record. */
function zipOf(names: readonly string[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (v: number) => [v & 0xff, (v >> 8) & 0xff];
  const u32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
  for (const name of names) {
    const n = [...encoder.encode(name)];
    const offset = locals.length;
    locals.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(0), ...u16(n.length), ...u16(0), ...n);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(0), ...u16(n.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...n);
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(names.length), ...u16(names.length), ...u32(central.length), ...u32(locals.length), ...u16(0)];
  return Uint8Array.from([...locals, ...central, ...end]);
}

const DOCX = zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
const XLSX = zipOf(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);

describe('attachmentMustBeAcceptable', () => {
  it('recognises PDF, PNG, JPEG, DOCX and XLSX by their content', () => {
    expect(attachmentMustBeAcceptable(ascii('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
    expect(attachmentMustBeAcceptable(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(attachmentMustBeAcceptable(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(attachmentMustBeAcceptable(DOCX)).toBe(DOCX_MEDIA_TYPE);
    expect(attachmentMustBeAcceptable(XLSX)).toBe(XLSX_MEDIA_TYPE);
  });

  it.each([
    ['HTML', ascii('<!doctype html><script>alert(1)</script>')],
    ['SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a Windows executable', bytes(0x4d, 0x5a, 0x90, 0x00)],
    ['a bare ZIP signature', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['a ZIP that is no Office document', zipOf(['payload.exe', 'readme.txt'])],
    ['an OOXML package of another kind', zipOf(['[Content_Types].xml', 'ppt/presentation.xml'])],
    ['a ZIP with word/document.xml but no content types', zipOf(['word/document.xml'])],
    ['a PDF signature not at the start', ascii(' %PDF-1.7')],
  ])('refuses %s, naming the field', (_what, content) => {
    expect(detectAttachmentType(content)).toBeNull();
    expect(refusalOf(() => attachmentMustBeAcceptable(content))).toBe('PROJECTS.ATTACHMENT_TYPE_NOT_ALLOWED@file');
  });

  it('refuses a macro-enabled document passed off as DOCX or XLSX', () => {
    expect(refusalOf(() => attachmentMustBeAcceptable(zipOf(['[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin'])))).toBe('PROJECTS.ATTACHMENT_HAS_MACROS@file');
    expect(refusalOf(() => attachmentMustBeAcceptable(zipOf(['[Content_Types].xml', 'xl/workbook.xml', 'xl/vbaProject.bin'])))).toBe('PROJECTS.ATTACHMENT_HAS_MACROS@file');
  });

  it('refuses an empty file and one over the limit, and takes one exactly at the limit', () => {
    expect(refusalOf(() => attachmentMustBeAcceptable(new Uint8Array(0)))).toBe('PROJECTS.ATTACHMENT_EMPTY@file');
    const atLimit = new Uint8Array(1024);
    atLimit.set(ascii('%PDF-'));
    expect(attachmentMustBeAcceptable(atLimit, 1024)).toBe('application/pdf');
    expect(refusalOf(() => attachmentMustBeAcceptable(new Uint8Array(1025), 1024))).toBe('PROJECTS.ATTACHMENT_TOO_LARGE@file');
  });
});

describe('attachmentName', () => {
  it('keeps the file name without its path and ends it in the checked type', () => {
    expect(attachmentName('C:\\fakepath\\招标文件（终稿）.docx', DOCX_MEDIA_TYPE)).toBe('招标文件（终稿）.docx');
    expect(attachmentName('../../etc/report.html', 'application/pdf')).toBe('report.pdf');
    expect(attachmentName('a"b;\r\nc.pdf', 'application/pdf')).toBe('abc.pdf');
    expect(attachmentName(undefined, 'image/png')).toBe('attachment.png');
    expect(attachmentName('.htaccess', 'image/png')).toBe('attachment.png');
    expect(attachmentName('x'.repeat(500) + '.pdf', 'application/pdf')).toHaveLength(120);
  });
});

const file = (n: number, overrides: Partial<Attachment> = {}): Attachment => ({
  id: `att-${n}`, name: `附件${n}.pdf`, mediaType: 'application/pdf', sizeBytes: 100 + n, sha256: n.toString(16).padStart(64, '0'), addedAt: '', amendment: null, ...overrides,
});

describe('Project attachments', () => {
  it('attaches documents to a draft, for its owner only', () => {
    const project = aDraft();
    const [added] = project.attach(OWNER, file(1), DRAFTED_AT);
    expect(added).toMatchObject({ kind: 'attachment-added', attachment: { id: 'att-1', addedAt: DRAFTED_AT.toISOString(), amendment: null } });
    expect(project.snapshot.attachments.map((a) => a.id)).toEqual(['att-1']);
    expect(refusalOf(() => project.attach(OTHER_OWNER, file(2), DRAFTED_AT))).toBe('PROJECTS.NOT_PROJECT_OWNER@null');
    expect(refusalOf(() => project.attach(SUPERVISOR, file(2), DRAFTED_AT))).toBe('PROJECTS.OWNER_ONLY@null');
  });

  it('refuses the same document twice and more than the maximum', () => {
    const project = aDraft();
    project.attach(OWNER, file(1), DRAFTED_AT);
    expect(refusalOf(() => project.attach(OWNER, file(2, { sha256: file(1).sha256 }), DRAFTED_AT))).toBe('PROJECTS.ATTACHMENT_EXISTS@file');
    for (let n = 2; n <= MAX_ATTACHMENTS; n++) project.attach(OWNER, file(n), DRAFTED_AT);
    expect(refusalOf(() => project.attach(OWNER, file(MAX_ATTACHMENTS + 1), DRAFTED_AT))).toBe('PROJECTS.TOO_MANY_ATTACHMENTS@file');
  });

  it('adds a document to a published project only by a recorded amendment that reopens sign-up', () => {
    const project = aPublishedProject();
    expect(refusalOf(() => project.attach(OWNER, file(1), DRAFTED_AT))).toBe('PROJECTS.ATTACHMENT_NEEDS_AMENDMENT@attachmentIds');
    const later = at('2024-03-02T09:00:00+08:00');
    expect(refusalOf(() => project.amend(OWNER, { reason: '补充图纸', changes: {}, attachments: [file(1)] }, later, POSTING))).toBe('PROJECTS.AMENDMENT_MUST_EXTEND_SIGN_UP@signUp.closesAt');
    const signUp = { mode: 'WINDOW' as const, opensAt: '2024-03-01T09:00:00+08:00', closesAt: '2024-03-09T09:00:00+08:00' };
    const [amended] = project.amend(OWNER, { reason: '补充图纸', changes: { signUp }, attachments: [file(1)] }, later, POSTING);
    expect(amended).toMatchObject({ kind: 'amended', amendment: 1, reason: '补充图纸', addedAttachments: [{ id: 'att-1', amendment: 1, addedAt: later.toISOString() }] });
    expect(project.snapshot.attachments).toHaveLength(1);
  });

  it('counts an amendment that only adds documents as a change', () => {
    const project = aPublishedProject({ signUp: { mode: 'ALL_ELIGIBLE' } });
    const later = at('2024-03-02T09:00:00+08:00');
    expect(refusalOf(() => project.amend(OWNER, { reason: '无', changes: {} }, later, POSTING))).toBe('PROJECTS.NO_CHANGE@changes');
    expect(project.amend(OWNER, { reason: '补充资料', changes: {}, attachments: [file(1)] }, later, POSTING).map((e) => e.kind)).toEqual(['amended']);
  });

  it('takes no documents once selection has started', () => {
    expect(refusalOf(() => aProjectInSelection().attach(OWNER, file(1), DRAFTED_AT))).toBe('PROJECTS.WRONG_STATUS@status');
    expect(refusalOf(() => aProjectInSelection().attachmentPathFor(OWNER))).toBe('PROJECTS.WRONG_STATUS@status');
  });

  it('says how an upload joins the posting: at once for a draft, by amendment once published', () => {
    expect(aDraft().attachmentPathFor(OWNER)).toBe('ATTACH_TO_DRAFT');
    expect(aPublishedProject().attachmentPathFor(OWNER)).toBe('HOLD_FOR_AMENDMENT');
    expect(refusalOf(() => aDraft().attachmentPathFor(OTHER_OWNER))).toBe('PROJECTS.NOT_PROJECT_OWNER@null');
    expect(refusalOf(() => aPublishedProject().attachmentPathFor(SUPERVISOR))).toBe('PROJECTS.OWNER_ONLY@null');
  });
});
