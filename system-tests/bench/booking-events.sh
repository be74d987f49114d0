#!/usr/bin/env bash
# B-1..B-4 booking events benchmark: a real Kafka broker (embedded KRaft) in the benchmark process,
# customer-service from its jar against a fresh database on the local PostgreSQL; measures sustained
# events/s on a backlog and the publish-to-API lag at a steady rate.
#   system-tests/bench/booking-events.sh [--backlog=200000] [--customers=20000] [--rate=500] [--seconds=60]
# Writes system-tests/target/booking-events-benchmark.md. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/jdk.sh
source deploy/lib/postgres.sh
clientele_find_jdk 21
clientele_postgres_ensure
./mvnw -q -B -DskipTests package -pl customer-service,system-tests -am
./mvnw -q -B -pl system-tests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA" -cp "system-tests/target/classes:$(cat system-tests/target/classpath.txt)" \
  io.clientele.systemtests.bench.BookingEventsBenchmark "$@"
