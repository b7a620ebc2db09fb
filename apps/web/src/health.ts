export interface ServiceStatus {
  readonly name: string;
  readonly status: string;
}

export interface Health {
  readonly status: string;
  readonly service: string;
  readonly services: readonly ServiceStatus[];
}

/**
 * Reads `/health`. The gateway answers `{ status, service }`; an aggregating host may add `services`, either as
 * `{ name: status | { status } }` or as `[{ name, status }]`, and both are accepted.
 */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  const res = await fetch('/health', { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`/health answered ${res.status}`);
  const body = (await res.json()) as Record<string, unknown>;
  return {
    status: String(body['status'] ?? 'unknown'),
    service: String(body['service'] ?? 'backend'),
    services: servicesOf(body['services']),
  };
}

function servicesOf(raw: unknown): ServiceStatus[] {
  if (Array.isArray(raw)) {
    return raw.filter(isRecord).map((entry) => ({
      name: String(entry['name'] ?? entry['service'] ?? '?'),
      status: String(entry['status'] ?? 'unknown'),
    }));
  }
  if (isRecord(raw)) {
    return Object.entries(raw).map(([name, value]) => ({
      name,
      // The embedded app reports each service's database as `up`/`down`; show that as the service's status.
      status: normalise(isRecord(value) ? (value['status'] ?? value['database']) : value),
    }));
  }
  return [];
}

function normalise(status: unknown): string {
  return status === 'up' ? 'ok' : String(status ?? 'unknown');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
