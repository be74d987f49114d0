#!/usr/bin/env bash
# M-5 sending throughput: starts communication-service from its jar against an embedded Kafka broker,
# MongoDB (mongo-java-server, or CRM_MONGO_URI) and GreenMail as SMTP server, fires send commands on
# communication.commands and measures messages/s to the SMTP server and latency command -> SMTP and
# command -> message-sent event, in a burst and at a paced rate.
#   system-tests/bench/communication-send.sh [--no-build] [--messages=20000] [--customers=1000] [--warmup=3000]
#                                            [--rate=500] [--paced-seconds=20] [--heap=1g]
# Writes communication-service/target/communication-send-benchmark.md. See docs/benchmarks.md.
exec "$(dirname "$0")/run-communication.sh" SendThroughputBenchmark "$@"
