#!/bin/sh
# One Postgres server, one database per service. The official postgres image runs this once, when its data
# volume is first initialised (files in /docker-entrypoint-initdb.d); later starts skip it, so a new service
# on an existing volume needs this run again by hand (it skips what exists).
# For each service: a login role mkt_<service> that owns database mkt_<service>, whose password comes from
# <SERVICE>_DB_PASSWORD; CONNECT is revoked from PUBLIC, so a service's credentials open only its own database.
set -eu

prefix="${DATABASE_PREFIX:-mkt}"
for service in identity registry projects draw bidding audit; do
  variable="$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="$(printenv "$variable" || true)"
  if [ -z "$password" ]; then
    echo "create-service-databases: $variable is not set" >&2
    exit 1
  fi
  name="${prefix}_${service}"
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    --set name="$name" --set password="$password" <<'SQL'
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') AS create_role \gset
\if :create_role
  CREATE ROLE :"name" LOGIN PASSWORD :'password';
\endif
SELECT NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') AS create_database \gset
\if :create_database
  CREATE DATABASE :"name" OWNER :"name";
\endif
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"name" TO :"name";
SQL
  echo "create-service-databases: $name ready"
done
