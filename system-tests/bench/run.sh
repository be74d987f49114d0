#!/usr/bin/env bash
# Runs one of the benchmarks in system-tests against customer-service started from its jar:
#   system-tests/bench/run.sh <BenchmarkClass> [--option=value ...]
# Prepares the machine the way the tests do (a JDK >= 21, PostgreSQL started or installed), builds what
# the benchmark runs, then starts it. The named scripts beside this one call it; see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/jdk.sh
source deploy/lib/postgres.sh
clientele_find_jdk 21
clientele_postgres_ensure
benchmark=$1
shift
# One reactor for both goals: the kits resolve from it, so nothing needs to be installed beforehand.
./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -pl customer-service,system-tests -am
exec "$JAVA" -cp "system-tests/target/classes:$(cat system-tests/target/classpath.txt)" \
  "io.clientele.systemtests.bench.$benchmark" "$@"
