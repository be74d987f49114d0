package io.clientele.systemtests.bench;

import java.util.Arrays;
import java.util.List;

/** Measured latencies in milliseconds, and their percentiles (nearest-rank). */
record Latencies(double[] millis) {

    static Latencies of(List<Double> millis) {
        return new Latencies(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** All the measurements of several runs, as one. */
    static Latencies concat(List<Latencies> runs) {
        return new Latencies(runs.stream().flatMapToDouble(run -> Arrays.stream(run.millis())).toArray());
    }

    double percentile(double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double p50() {
        return percentile(50);
    }

    double p95() {
        return percentile(95);
    }

    double p99() {
        return percentile(99);
    }

    double max() {
        return percentile(100);
    }

    int count() {
        return millis.length;
    }
}
