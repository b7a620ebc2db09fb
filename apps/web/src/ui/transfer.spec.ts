import { ApiError } from '../app/api';
import { ApiErrorWithBody, downloadWithProgress, formatBytes, type Transfer } from './transfer';

/** A response whose body arrives in the given chunks, as a server streaming it would send them. */
function streamed(chunks: readonly string[], headers: Record<string, string>, status = 200): Response {
  const bytes = chunks.map((c) => new TextEncoder().encode(c));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const b of bytes) controller.enqueue(b);
      controller.close();
    },
  });
  return new Response(body, { status, headers });
}

describe('downloadWithProgress', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('reports the bytes received after each chunk against Content-Length, and returns the whole body', async () => {
    globalThis.fetch = jest.fn(async () => streamed(['a,b\r\n', '1,2\r\n', '3,4\r\n'], { 'content-length': '15', 'content-type': 'text/csv' }));
    const seen: Transfer[] = [];
    const blob = await downloadWithProgress('/api/audit/records?format=csv', (p) => seen.push(p));
    expect(seen).toEqual([
      { loaded: 0, total: 15 },
      { loaded: 5, total: 15 },
      { loaded: 10, total: 15 },
      { loaded: 15, total: 15 },
    ]);
    expect(await blob.text()).toBe('a,b\r\n1,2\r\n3,4\r\n');
    expect(blob.type).toBe('text/csv');
  });

  it('says the total is unknown when none is declared, or when the body outgrows the declared one', async () => {
    globalThis.fetch = jest.fn(async () => streamed(['12345', '678'], {}));
    const unknown: Transfer[] = [];
    await downloadWithProgress('/x', (p) => unknown.push(p));
    expect(unknown.map((p) => p.total)).toEqual([null, null, null]);

    // A proxy that re-encoded the body: the declared length no longer counts what arrives.
    globalThis.fetch = jest.fn(async () => streamed(['12345', '678'], { 'content-length': '6' }));
    const outgrown: Transfer[] = [];
    await downloadWithProgress('/x', (p) => outgrown.push(p));
    expect(outgrown).toEqual([
      { loaded: 0, total: 6 },
      { loaded: 5, total: 6 },
      { loaded: 8, total: null },
    ]);
  });

  it('turns a refusal into an ApiError naming its field, keeping the rest of the body', async () => {
    const refusal = { code: 'AUDIT.EMPTY_PERIOD', message: 'to must be after from', field: 'to', hint: 1 };
    globalThis.fetch = jest.fn(async () => new Response(JSON.stringify(refusal), { status: 400, headers: { 'content-type': 'application/json' } }));
    const error = await downloadWithProgress('/api/audit/records?from=b&to=a', () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiErrorWithBody);
    expect(error).toMatchObject({ status: 400, code: 'AUDIT.EMPTY_PERIOD', field: 'to', message: 'to must be after from', body: refusal });
  });

  it('names a failure without a JSON body by its status, and an unreachable server as a network error', async () => {
    globalThis.fetch = jest.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(downloadWithProgress('/x', () => undefined)).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: 'Bad Gateway', field: null });
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await downloadWithProgress('/x', () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK' });
  });
});

describe('formatBytes', () => {
  it('uses binary units with one decimal above a kilobyte', () => {
    expect(formatBytes(900, 'en')).toBe('900 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024, 'zh-CN')).toBe('5 MB');
  });
});
