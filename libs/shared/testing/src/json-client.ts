export interface JsonResponse {
  readonly status: number;
  readonly body: any;
}

export interface CallOptions {
  readonly token?: string;
  /** Sent as JSON; a string is sent as it is (for malformed-body tests). */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** A tiny HTTP client for API tests: status and parsed JSON body, bearer token and extra headers optional. */
export function jsonClient(baseUrl: () => string) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<JsonResponse> {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
}
