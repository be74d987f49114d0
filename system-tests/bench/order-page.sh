#!/usr/bin/env bash
# O-4 order page benchmark: order-link-service and the gateway started from their jars against the local
# PostgreSQL, Redis and an embedded Kafka broker, a 500-product catalog, 200 customers opening their pages
# through the gateway and ordering (each form sent twice), measured from a JDK HttpClient driver.
#   system-tests/bench/order-page.sh [--customers=200] [--products=500] [--rounds=5] [--think-ms=0-0]
#                                    [--spread-ms=0 (all at once) | --spread-ms=5000] [--via=gateway|direct]
# Writes system-tests/target/order-page-benchmark.md. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/jdk.sh
source deploy/lib/postgres.sh
source deploy/lib/redis.sh
clientele_find_jdk 21
clientele_postgres_ensure
clientele_redis_ensure
# One reactor for both goals: the kits resolve from it, so nothing needs to be installed beforehand.
./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -pl order-link-service,gateway,system-tests -am
exec "$JAVA" -cp "system-tests/target/classes:$(cat system-tests/target/classpath.txt)" \
  io.clientele.systemtests.bench.OrderPageBenchmark "$@"
