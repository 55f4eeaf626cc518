#!/usr/bin/env bash
# Builds the project and runs the WebSocket benchmark: ./bench/run.sh [--connections 10000] [--movers-pct 10] [--rounds 5]
# The node runs in a child JVM; this JVM is the load generator. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench install -DskipTests -pl bench -am
exec java -Xmx${BENCH_CLIENT_XMX:-2g} -cp "bench/target/bench.jar:bench/target/lib/*" io.oregrid.bench.WsBench "$@"
