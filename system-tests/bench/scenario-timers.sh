#!/usr/bin/env bash
# S-5 durable timers benchmark: two scenario-service instances (separate JVMs) on one database on the local
# PostgreSQL and an embedded Kafka broker; steps seeded due at 500/s (lateness due -> send command on Kafka), then
# 100,000 enrollments whose steps fall due within one minute (steps executed/s, lateness), then the same burst with
# one instance killed (kill -9) a third of the way; misses and duplicates counted in every run.
#   system-tests/bench/scenario-timers.sh [--no-build] [--enrollments=100000] [--window=60] [--rate=500]
#       [--paced-seconds=30] [--runs=paced,burst,killed] [--service-jvm="-Xms256m -Xmx512m"]
#       [--env=CLIENTELE_SCENARIO_TIMERS_THREADS=8,CLIENTELE_SCENARIO_TIMERS_LOCK_AND_FETCH=true]
# Writes scenario-service/target/scenario-timers-benchmark.md (and the instances' logs beside it).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/jdk.sh
source deploy/lib/postgres.sh
clientele_find_jdk 21
clientele_postgres_ensure
build=1
args=()
for arg in "$@"; do
  if [[ $arg == --no-build ]]; then build=0; else args+=("$arg"); fi
done
# One reactor for both goals: the kits resolve from it, so nothing needs to be installed beforehand.
if ((build)) || [[ ! -f scenario-service/target/bench-classpath.txt ]]; then
  ./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt -pl scenario-service -am
fi
# The instances run from the same class path without the test classes (ScenarioInstance).
exec "$JAVA" -Xms256m -Xmx1g \
  -cp "scenario-service/target/test-classes:scenario-service/target/classes:$(cat scenario-service/target/bench-classpath.txt)" \
  io.clientele.scenario.timers.TimersBenchmark "${args[@]}"
