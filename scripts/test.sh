#!/usr/bin/env bash
# The whole test suite: starts what the tests need (local PostgreSQL, see ensure-postgres.sh),
# then runs every module's tests. Extra arguments go to Maven (e.g. -pl grid-node).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-postgres.sh
exec mvn -B ${MAVEN_ARGS:-} verify "$@"
