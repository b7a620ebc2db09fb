import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Fresh Postgres databases, one per service, named `<prefix>_<service>`, on the server at `adminUrl`
 * (default `TEST_POSTGRES_URL` or postgres://postgres@127.0.0.1:5432/postgres); `urlOf(service)` gives each one's URL.
 */
export async function createTestDatabases(services: readonly string[], adminUrl = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres') {
  const prefix = `mkt_t${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const service of services) await admin.query(`CREATE DATABASE ${prefix}_${service}`);
  } finally {
    await admin.end();
  }
  const base = new URL(adminUrl);
  const urlOf = (service: string) => {
    const u = new URL(base.toString());
    u.pathname = `/${prefix}_${service}`;
    return u.toString();
  };
  return {
    prefix,
    urlOf,
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        for (const service of services) await c.query(`DROP DATABASE IF EXISTS ${prefix}_${service} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
