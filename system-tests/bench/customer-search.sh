#!/usr/bin/env bash
# C-4 customer search benchmark: loads a million customers into one workspace (once; reused by later
# runs), starts customer-service from its jar against the local PostgreSQL, and measures the list's
# searches through the HTTP API and the same SQL in psql, side by side.
#   system-tests/bench/customer-search.sh [--customers=1000000] [--iterations=1000] [--warmup=500]
# Writes system-tests/target/customer-search-benchmark.md. See docs/benchmarks.md.
exec "$(dirname "$0")/run.sh" CustomerSearchBenchmark "$@"
