#!/usr/bin/env bash
# M-5 sending throughput: starts communication-service from its jar against an embedded Kafka broker,
# MongoDB (mongo-java-server, or CRM_MONGO_URI) and GreenMail as SMTP server, fires send commands on
# communication.commands and measures messages/s to the SMTP server and latency command -> SMTP and
# command -> message-sent event, in a burst and at a paced rate.
#   system-tests/bench/communication-send.sh [--no-build] [--messages=20000] [--customers=1000] [--warmup=3000]
#                                            [--rate=500] [--paced-seconds=20] [--heap=1g]
# Writes communication-service/target/communication-send-benchmark.md. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/jdk.sh
clientele_find_jdk 21
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
exec "$JAVA" -Xms512m -Xmx1g \
  -cp "communication-service/target/test-classes:communication-service/target/classes:$(cat communication-service/target/bench-classpath.txt)" \
  io.clientele.communication.bench.SendThroughputBenchmark "${args[@]}"
