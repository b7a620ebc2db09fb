import { refusalOf } from '@mkt/shared/kernel/testing';
import { detectScanType, scanMustBeAcceptable } from './scan-file.rule';

const bytes = (...b: number[]) => Uint8Array.from([...b, 0x00, 0x01, 0x02]);
const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('scanMustBeAcceptable', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(scanMustBeAcceptable(ascii('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
    expect(scanMustBeAcceptable(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(scanMustBeAcceptable(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  });

  it.each([
    ['HTML', ascii('<!doctype html><script>alert(1)</script>')],
    ['SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a Windows executable', bytes(0x4d, 0x5a, 0x90, 0x00)],
    ['a ZIP archive', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['a GIF', ascii('GIF89a....')],
    ['a truncated PNG signature', Uint8Array.from([0x89, 0x50, 0x4e, 0x47])],
    ['a PDF signature not at the start', ascii(' %PDF-1.7')],
  ])('refuses %s, naming the field', (_what, content) => {
    expect(detectScanType(content)).toBeNull();
    expect(refusalOf(() => scanMustBeAcceptable(content))).toBe('REGISTRY.SCAN_TYPE_NOT_ALLOWED@file');
  });

  it('refuses an empty file and one over the limit, and takes one exactly at the limit', () => {
    expect(refusalOf(() => scanMustBeAcceptable(new Uint8Array(0)))).toBe('REGISTRY.SCAN_EMPTY@file');
    const atLimit = new Uint8Array(1024);
    atLimit.set(ascii('%PDF-'));
    expect(scanMustBeAcceptable(atLimit, 1024)).toBe('application/pdf');
    const over = new Uint8Array(1025);
    over.set(ascii('%PDF-'));
    expect(refusalOf(() => scanMustBeAcceptable(over, 1024))).toBe('REGISTRY.SCAN_TOO_LARGE@file');
  });
});
