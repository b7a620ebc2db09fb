import { DomainError, invalid } from '@mkt/shared/kernel';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The only types a posting's attachment may have; each is served back as exactly this type, as a download. */
export type AttachmentMediaType = 'application/pdf' | 'image/png' | 'image/jpeg' | typeof DOCX_MEDIA_TYPE | typeof XLSX_MEDIA_TYPE;

export const ATTACHMENT_EXTENSION: Readonly<Record<AttachmentMediaType, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  [DOCX_MEDIA_TYPE]: 'docx',
  [XLSX_MEDIA_TYPE]: 'xlsx',
};

/** 20 MiB: a tender document with drawings fits; anything larger is refused before it is stored. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Attachments a project may carry in all. */
export const MAX_ATTACHMENTS = 20;

/** A document announced with a project: what the project lists, while the bytes stay in the service's store. */
export interface Attachment {
  readonly id: string;
  readonly name: string;
  readonly mediaType: AttachmentMediaType;
  readonly sizeBytes: number;
  /** Hex SHA-256 of the content, so anyone can check the copy they downloaded. */
  readonly sha256: string;
  readonly addedAt: string;
  /** The amendment that added it, or null when it was attached to the draft. */
  readonly amendment: number | null;
}

// The type is read from the file's own bytes, never from its name or the client's Content-Type.
const SIGNATURES: readonly { type: AttachmentMediaType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-" (ISO 32000-1 §7.5.2)
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG signature (RFC 2083 §3.1)
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] }, // SOI marker followed by a marker segment
];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (content: Uint8Array, bytes: readonly number[]) => content.length >= bytes.length && bytes.every((b, i) => content[i] === b);

/**
 * The names in a ZIP archive's central directory (APPNOTE 6.3.10 §4.3.12, §4.3.16), or null when the archive is not
 * well formed. DOCX and XLSX are both ZIP packages (ISO/IEC 29500-2); only their parts tell them apart.
 */
export function zipEntryNames(content: Uint8Array): string[] | null {
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const earliest = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let p = content.length - 22; p >= earliest; p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      end = p;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > end) return null;
    names.push(decoder.decode(content.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function officeTypeOf(content: Uint8Array): AttachmentMediaType | null {
  const names = zipEntryNames(content);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  // Macro-enabled documents (.docm, .xlsm) renamed to .docx/.xlsx carry a VBA project: never announce one.
  if (names.some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) {
    throw invalid('PROJECTS.ATTACHMENT_HAS_MACROS', 'documents with macros are not accepted; save the file as a plain .docx or .xlsx', 'file');
  }
  if (names.includes('word/document.xml')) return DOCX_MEDIA_TYPE;
  if (names.includes('xl/workbook.xml')) return XLSX_MEDIA_TYPE;
  return null;
}

/** The attachment's type by its content, or null when it is none of the allowed ones. */
export function detectAttachmentType(content: Uint8Array): AttachmentMediaType | null {
  const signed = SIGNATURES.find((s) => startsWith(content, s.bytes));
  if (signed) return signed.type;
  return startsWith(content, ZIP_LOCAL_HEADER) ? officeTypeOf(content) : null;
}

/** An attachment is non-empty, at most `maxBytes`, and a PDF, PNG, JPEG, DOCX or XLSX by its content. Refusals name `file`. */
export function attachmentMustBeAcceptable(content: Uint8Array, maxBytes = MAX_ATTACHMENT_BYTES): AttachmentMediaType {
  if (content.length === 0) throw invalid('PROJECTS.ATTACHMENT_EMPTY', 'the uploaded file is empty', 'file');
  if (content.length > maxBytes) throw new DomainError('PROJECTS.ATTACHMENT_TOO_LARGE', `an attachment has at most ${maxBytes} bytes`, 'invalid', 'file');
  const type = detectAttachmentType(content);
  if (!type) throw invalid('PROJECTS.ATTACHMENT_TYPE_NOT_ALLOWED', 'an attachment must be a PDF, PNG, JPEG, DOCX or XLSX file (checked by its content, not its name)', 'file');
  return type;
}

/**
 * The name shown and offered for download: the client's file name without any path, control characters or
 * characters special in headers, at most 120 characters, always ending in the extension of the checked type.
 */
export function attachmentName(original: unknown, mediaType: AttachmentMediaType): string {
  const extension = ATTACHMENT_EXTENSION[mediaType];
  const base = (typeof original === 'string' ? original : '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, '').trim();
  const stem = cleaned.replace(/\.[^.]*$/, '').replace(/^\.+/, '').trim().slice(0, 120 - extension.length - 1);
  return `${stem || 'attachment'}.${extension}`;
}
