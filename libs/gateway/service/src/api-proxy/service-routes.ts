/** Where each service's HTTP API lives: service name (the `<service>` in `/api/<service>/...`) → base URL. */
export type ServiceRoutes = Readonly<Record<string, string>>;

// Order fixes the default ports: identity 3101 … audit 3106.
const SERVICES = ['identity', 'registry', 'projects', 'draw', 'bidding', 'audit'] as const;
const FIRST_DEFAULT_PORT = 3101;

/**
 * Reads `<SERVICE>_URL` for each service, falling back to its local default port. Fails at startup on a value
 * that is not an absolute http(s) URL, rather than on the first request routed to it.
 */
export function serviceRoutesFromEnv(env: Readonly<Record<string, string | undefined>>): ServiceRoutes {
  const routes: Record<string, string> = {};
  SERVICES.forEach((service, i) => {
    const variable = `${service.toUpperCase()}_URL`;
    const configured = env[variable]?.trim();
    routes[service] = configured ? absoluteHttpUrl(variable, configured) : `http://127.0.0.1:${FIRST_DEFAULT_PORT + i}`;
  });
  return routes;
}

function absoluteHttpUrl(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable} must be an absolute URL such as http://127.0.0.1:3102, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${variable} must be an http or https URL, got "${value}"`);
  }
  return value;
}

/** The `<service>` segment of an `/api/<service>/...` request path (query string allowed), or null. */
export function serviceNameOf(url: string): string | null {
  const path = url.split('?', 1)[0];
  const match = /^\/api\/([^/]+)/.exec(path);
  return match ? match[1] : null;
}

