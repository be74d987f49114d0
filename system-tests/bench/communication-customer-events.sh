#!/usr/bin/env bash
# Issue 19, item 5: communication-service working through a customer.events backlog (a 50,000-row import
# and its undo: 100,000 events), from its jar against an embedded Kafka broker and MongoDB (mongo-java-server,
# or CRM_MONGO_URI); measures the time until the consumer group's lag is zero, and events/s.
#   system-tests/bench/communication-customer-events.sh [--no-build] [--customers=50000] [--heap=1g]
# Writes communication-service/target/communication-customer-events-benchmark.md. See docs/benchmarks.md.
exec "$(dirname "$0")/run-communication.sh" CustomerEventsBacklogBenchmark "$@"
