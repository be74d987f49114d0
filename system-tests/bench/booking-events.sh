#!/usr/bin/env bash
# B-1..B-4 booking events benchmark: a real Kafka broker (embedded KRaft) in the benchmark process,
# customer-service from its jar against a fresh database on the local PostgreSQL; measures sustained
# events/s on a backlog and the publish-to-API lag at a steady rate.
#   system-tests/bench/booking-events.sh [--backlog=200000] [--customers=20000] [--rate=500] [--seconds=60]
# Writes system-tests/target/booking-events-benchmark.md. See docs/benchmarks.md.
exec "$(dirname "$0")/run.sh" BookingEventsBenchmark "$@"
