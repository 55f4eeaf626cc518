#!/usr/bin/env bash
# Makes sure a local PostgreSQL is running and has the test role and database (idempotent).
# Uses Debian's cluster tools when present; points elsewhere with ORE_TEST_DB_URL/USER/PASSWORD.
set -euo pipefail
if [ -n "${ORE_TEST_DB_URL:-}" ]; then
  echo "ensure-postgres: using ORE_TEST_DB_URL, nothing to start"
  exit 0
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -q && apt-get install -y -q postgresql
fi
version=$(ls /etc/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
for i in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='ore'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role ore login password 'ore'\""
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='ore_test'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create database ore_test owner ore\""
echo "ensure-postgres: PostgreSQL $version running; role ore, database ore_test ready"
