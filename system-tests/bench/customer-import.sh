#!/usr/bin/env bash
# C-9 import benchmark: generates a CSV of a million customers (once), starts customer-service from its
# jar against a fresh database on the local PostgreSQL, and times a plain psql COPY of the file into the
# customer table, the import through the API and a dry run, each on an empty table.
#   system-tests/bench/customer-import.sh [--rows=1000000] [--dry-run=false]
# Writes system-tests/target/customer-import-benchmark.md. See docs/benchmarks.md.
exec "$(dirname "$0")/run.sh" CustomerImportBenchmark "$@"
