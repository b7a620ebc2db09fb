// Creates one Postgres database per service (`mkt_<service>`) on the server at POSTGRES_ADMIN_URL
// (default postgres://postgres@127.0.0.1:5432/postgres). Existing databases are left as they are.
const { Client } = require('pg');

const SERVICES = ['identity', 'registry', 'projects', 'draw', 'bidding', 'audit'];

async function main() {
  const url = process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const prefix = process.env.DATABASE_PREFIX ?? 'mkt';
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database');
    const existing = new Set(rows.map((r) => r.datname));
    for (const service of SERVICES) {
      const name = `${prefix}_${service}`;
      if (existing.has(name)) continue;
      await client.query(`CREATE DATABASE ${name}`);
      console.log(`created database ${name}`);
    }
    console.log(`databases ready: ${SERVICES.map((s) => `${prefix}_${s}`).join(', ')}`);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(`cannot create databases: ${error.message}`);
  process.exit(1);
});
