import { DomainError, invalid } from '@mkt/shared/kernel';

/** The only types a certificate scan may have; each is served back as exactly this type, never as anything executable. */
export type ScanMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

export const SCAN_EXTENSION: Readonly<Record<ScanMediaType, string>> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** 10 MiB: a multi-page certificate scanned at 300 dpi fits; anything larger is refused before it is stored. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

// The type is read from the file's own first bytes, never from its name or the client's Content-Type.
const SIGNATURES: readonly { type: ScanMediaType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-" (ISO 32000-1 §7.5.2)
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG signature (RFC 2083 §3.1)
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] }, // SOI marker followed by a marker segment
];

/** The scan's type by its magic bytes, or null when it is none of the allowed ones. */
export function detectScanType(content: Uint8Array): ScanMediaType | null {
  const match = SIGNATURES.find((s) => content.length >= s.bytes.length && s.bytes.every((b, i) => content[i] === b));
  return match ? match.type : null;
}

/** A scan is non-empty, at most `maxBytes`, and a PDF, PNG or JPEG by its content. Refusals name the field `file`. */
export function scanMustBeAcceptable(content: Uint8Array, maxBytes = MAX_SCAN_BYTES): ScanMediaType {
  if (content.length === 0) throw invalid('REGISTRY.SCAN_EMPTY', 'the uploaded file is empty', 'file');
  if (content.length > maxBytes) throw new DomainError('REGISTRY.SCAN_TOO_LARGE', `a scan has at most ${maxBytes} bytes`, 'invalid', 'file');
  const type = detectScanType(content);
  if (!type) throw invalid('REGISTRY.SCAN_TYPE_NOT_ALLOWED', 'a scan must be a PDF, PNG or JPEG file (checked by its content, not its name)', 'file');
  return type;
}
