import { ApiError, normaliseField, resumeSession } from '../app/api';
import { currentSession } from '../auth/session';

/** Bytes moved so far; `total` is null when the other side did not say how many there are. */
export interface Transfer {
  readonly loaded: number;
  readonly total: number | null;
}

/** 1,536 → "1.5 KB": the same units in both languages. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/** An upload is sent, then the server works on it before it answers: two phases a page shows differently. */
export type UploadProgress = ({ readonly phase: 'sending' } & Transfer) | { readonly phase: 'processing'; readonly total: number };

/** An API error that carried more than `{ code, message, field }`, e.g. an import's per-row errors. */
export class ApiErrorWithBody extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    field: string | null,
    readonly body: Readonly<Record<string, unknown>>,
  ) {
    super(status, code, message, field);
  }
}

function errorOf(status: number, statusText: string, text: string): ApiError {
  let body: Record<string, unknown> = {};
  try {
    const parsed = text ? JSON.parse(text) : null;
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const code = typeof body['code'] === 'string' ? body['code'] : `HTTP_${status}`;
  const message = typeof body['message'] === 'string' ? body['message'] : statusText;
  return new ApiErrorWithBody(status, code, message, normaliseField(typeof body['field'] === 'string' ? body['field'] : null), body);
}

function bearer(): Record<string, string> {
  const token = currentSession()?.accessToken;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Repeats a call once with a fresh access token when the first answer is 401, as `api` does. */
async function withRefresh<R extends { status: number }>(send: () => Promise<R>): Promise<R> {
  const first = await send();
  if (first.status === 401 && currentSession() && (await resumeSession())) return send();
  return first;
}

/**
 * A multipart POST over XMLHttpRequest, the one browser API that reports upload progress. Progress goes to
 * `onProgress` while the file is sent, then `processing` until the server answers.
 */
export async function uploadWithProgress<T>(path: string, form: FormData, onProgress: (p: UploadProgress) => void): Promise<T> {
  const res = await withRefresh(
    () =>
      new Promise<{ status: number; statusText: string; text: string }>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', path);
        xhr.setRequestHeader('accept', 'application/json');
        for (const [k, v] of Object.entries(bearer())) xhr.setRequestHeader(k, v);
        xhr.upload.onprogress = (e) => onProgress({ phase: 'sending', loaded: e.loaded, total: e.lengthComputable ? e.total : null });
        xhr.upload.onload = (e) => onProgress({ phase: 'processing', total: e.loaded });
        xhr.onload = () => resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText });
        xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'the upload did not reach the server', null));
        xhr.onabort = () => reject(new ApiError(0, 'NETWORK', 'the upload was interrupted', null));
        xhr.send(form);
      }),
  );
  if (res.status < 200 || res.status >= 300) throw errorOf(res.status, res.statusText, res.text);
  return (res.text ? JSON.parse(res.text) : null) as T;
}

/**
 * A GET whose body is read chunk by chunk, reporting the bytes received against Content-Length (null when the
 * server streams without one, or when the count outgrows it — a proxy may have re-encoded the body).
 */
export async function downloadWithProgress(path: string, onProgress: (p: Transfer) => void, signal?: AbortSignal): Promise<Blob> {
  let res: Response;
  try {
    res = await withRefresh(() => fetch(path, { headers: { accept: 'application/json, text/csv, */*', ...bearer() }, signal }));
  } catch (error) {
    if (signal?.aborted || error instanceof ApiError) throw error;
    throw new ApiError(0, 'NETWORK', (error as Error).message, null);
  }
  if (!res.ok) throw errorOf(res.status, res.statusText, await res.text());
  const declared = Number(res.headers.get('content-length'));
  const total = Number.isFinite(declared) && declared > 0 ? declared : null;
  const type = res.headers.get('content-type') ?? '';
  if (!res.body) return new Blob([await res.arrayBuffer()], { type });
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress({ loaded, total: total !== null && loaded <= total ? total : null });
  }
  return new Blob(chunks as BlobPart[], { type });
}
