#!/usr/bin/env bash
# Installs (when missing) and starts Debian's PostgreSQL server for the tests, with a role the
# tests use over loopback. Prints nothing else; CI then sets
# TEST_DATABASE_URL=postgres://jg:jg@127.0.0.1:5432/postgres
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi

if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -n 1)" main
fi

read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start
fi
if [ "$port" != "5432" ]; then
  echo "PostgreSQL 集群 $version/$cluster 在端口 $port，不是 5432" >&2
  exit 1
fi

# A login role that may create the per-test databases; password auth over 127.0.0.1.
su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
SET client_min_messages = warning;
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jg') THEN
    CREATE ROLE jg LOGIN CREATEDB PASSWORD 'jg';
  END IF;
END
$$;
-- The load bench writes a million rows of history, then a CHECKPOINT, so that flushing them is
-- not measured as the cost of the sign-ups after.
GRANT pg_checkpoint TO jg;
-- The tests drop each throw-away database WITH (FORCE); an autovacuum worker that happens to be in it
-- runs as the superuser, and ending it needs this role.
GRANT pg_signal_backend TO jg;
SQL
