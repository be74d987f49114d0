#!/usr/bin/env bash
# Runs one of communication-service's benchmarks (its test tree, package io.clientele.communication.bench)
# against the service started from its jar:
#   system-tests/bench/run-communication.sh <BenchmarkClass> [--no-build] [--option=value ...]
# Builds what the benchmark runs unless --no-build; the named scripts beside this one call it.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/jdk.sh
clientele_find_jdk 21
benchmark=$1
shift
build=1
args=()
for arg in "$@"; do
  if [[ $arg == --no-build ]]; then build=0; else args+=("$arg"); fi
done
# One reactor for both goals: the kits resolve from it, so nothing needs to be installed beforehand.
if ((build)) || [[ ! -f communication-service/target/bench-classpath.txt ]]; then
  ./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt -pl communication-service -am
fi
exec "$JAVA" -Xms512m -Xmx2g \
  -cp "communication-service/target/test-classes:communication-service/target/classes:$(cat communication-service/target/bench-classpath.txt)" \
  "io.clientele.communication.bench.$benchmark" "${args[@]}"
