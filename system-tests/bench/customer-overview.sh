#!/usr/bin/env bash
# G-5 customer overview benchmark: GET /api/v1/customers/{id}/overview through the gateway of the whole
# system (deploy/local/run.sh, started here unless a gateway already answers on 8080), from a JDK HttpClient
# driver at a fixed concurrency: p50/p95/p99 with every service up, then with scenario-service down (a
# second gateway started from its jar, whose scenario-service address nobody listens on).
#   system-tests/bench/customer-overview.sh [--no-build] [--requests=2000] [--concurrency=8]
# Writes system-tests/target/customer-overview-benchmark.md (the system's log: system-tests/target/
# customer-overview-system.log). Not yet in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/jdk.sh
clientele_find_jdk 21
build=1
args=()
for arg in "$@"; do
  if [[ $arg == --no-build ]]; then build=0; else args+=("$arg"); fi
done
if ((build)) || [[ ! -f system-tests/target/classpath.txt ]]; then
  # One reactor for every goal: the kits resolve from it, so nothing needs to be installed beforehand.
  ./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -pl customer-service,communication-service,scenario-service,order-link-service,gateway,deploy/local-runner,system-tests -am
fi
mkdir -p system-tests/target
system=
stop_system() {
  if [[ -n $system ]]; then
    # run.sh stops everything it started on TERM
    kill -TERM "$system" 2>/dev/null || true
    wait "$system" 2>/dev/null || true
  fi
}
trap stop_system EXIT
if ! curl -sf -o /dev/null http://localhost:8080/actuator/health/readiness; then
  echo "Starting the system (deploy/local/run.sh --no-build; log: system-tests/target/customer-overview-system.log) ..."
  deploy/local/run.sh --no-build >system-tests/target/customer-overview-system.log 2>&1 &
  system=$!
  until grep -q "Development token" system-tests/target/customer-overview-system.log; do
    kill -0 "$system" 2>/dev/null || { tail -20 system-tests/target/customer-overview-system.log >&2; exit 1; }
    sleep 2
  done
fi
[[ -s deploy/local/.state/jwt-secret ]] || { echo "no deploy/local/.state/jwt-secret: is the running system this checkout's?" >&2; exit 1; }
"$JAVA" -cp "system-tests/target/classes:$(cat system-tests/target/classpath.txt)" \
  io.clientele.systemtests.bench.CustomerOverviewBenchmark --secret="$(<deploy/local/.state/jwt-secret)" "${args[@]}"
