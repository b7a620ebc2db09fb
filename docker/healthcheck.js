// The images' HEALTHCHECK: the slim Node image has no curl or wget, and Node's own fetch needs nothing more.
// Exit 0 when /health answers 2xx within the timeout (a service answers 503 while its database is down).
const port = process.env.PORT ?? '3000';
const timeoutMs = Number(process.env.HEALTHCHECK_TIMEOUT_MS ?? 2500);

fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(timeoutMs) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
