/**
 * Where a service keeps its data. `postgres`: its own database on a Postgres server (distributed mode).
 * `pglite`: an embedded Postgres (PGlite) in a local folder, or in memory when `dataDir` is `memory://`.
 */
export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number }
  | { readonly kind: 'pglite'; readonly dataDir: string };

/** Conventional database name of a service on a shared Postgres server: one database per service. */
export function serviceDatabaseName(service: string, prefix = 'mkt'): string {
  return `${prefix}_${service.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
}

/**
 * Reads a service's database settings from the environment:
 * `<SERVICE>_DATABASE_URL`, else `DATABASE_URL_TEMPLATE` with `{db}` replaced by `mkt_<service>`,
 * else embedded PGlite under `DATA_DIR` (default `.data`). The connection pool holds `<SERVICE>_DATABASE_POOL_SIZE`
 * (else `DATABASE_POOL_SIZE`, else 10) connections.
 */
export function databaseConfigFromEnv(service: string, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const poolSize = poolSizeFrom(env[`${service.toUpperCase()}_DATABASE_POOL_SIZE`] ?? env['DATABASE_POOL_SIZE']);
  const explicit = env[`${service.toUpperCase()}_DATABASE_URL`];
  if (explicit) return { kind: 'postgres', url: explicit, poolSize };
  const template = env['DATABASE_URL_TEMPLATE'];
  if (template) return { kind: 'postgres', url: template.replace('{db}', serviceDatabaseName(service)), poolSize };
  const root = env['DATA_DIR'] ?? '.data';
  return { kind: 'pglite', dataDir: root === 'memory://' ? 'memory://' : `${root.replace(/\/$/, '')}/${service}` };
}

function poolSizeFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const size = Number(value);
  if (!Number.isSafeInteger(size) || size < 1 || size > 200) throw new Error(`a database pool size is a whole number from 1 to 200, not ${value}`);
  return size;
}
