#!/usr/bin/env bash
# C-4 customer search benchmark: loads a million customers into one workspace (once; reused by later
# runs), starts customer-service from its jar against the local PostgreSQL and an embedded Kafka, and
# measures the list's searches through the HTTP API and the same SQL in psql, side by side.
#   system-tests/bench/customer-search.sh [--customers=1000000] [--iterations=500] [--warmup=100]
# Writes system-tests/target/customer-search-benchmark.md. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/jdk.sh
source deploy/lib/postgres.sh
clientele_find_jdk 21
clientele_postgres_ensure
./mvnw -q -B -DskipTests package -pl customer-service,system-tests -am
./mvnw -q -B -pl system-tests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA" -cp "system-tests/target/classes:$(cat system-tests/target/classpath.txt)" \
  io.clientele.systemtests.bench.CustomerSearchBenchmark "$@"
