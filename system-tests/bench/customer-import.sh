#!/usr/bin/env bash
# C-9 import benchmark: generates a CSV of a million customers (once), starts customer-service from its
# jar against a fresh database on the local PostgreSQL, and times a plain psql COPY of the file into the
# customer table, a dry run and the import through the API, each on an empty table.
#   system-tests/bench/customer-import.sh [--rows=1000000] [--dry-run=false]
# Writes system-tests/target/customer-import-benchmark.md. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/jdk.sh
source deploy/lib/postgres.sh
clientele_find_jdk 21
clientele_postgres_ensure
./mvnw -q -B -DskipTests package -pl customer-service,system-tests -am
./mvnw -q -B -pl system-tests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA" -cp "system-tests/target/classes:$(cat system-tests/target/classpath.txt)" \
  io.clientele.systemtests.bench.CustomerImportBenchmark "$@"
