package io.clientele.systemtests.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What the database's sessions of one database are doing, sampled every 100 ms from
 * {@code pg_stat_activity} over one connection of its own: on CPU (no wait event), or waiting, and for what
 * (a lock, I/O, the WAL, the client). Where the time goes inside PostgreSQL, without any extension.
 */
final class WaitEvents implements AutoCloseable {

    private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private WaitEvents(String database) {
        thread = Thread.ofPlatform().daemon().name("wait-events").start(() -> sample(database));
    }

    static WaitEvents of(String database) {
        return new WaitEvents(database);
    }

    private void sample(String database) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", "");
                PreparedStatement active = connection.prepareStatement("""
                        SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS what FROM pg_stat_activity
                        WHERE datname = ? AND state = 'active' AND backend_type = 'client backend'""")) {
            active.setString(1, database);
            while (running) {
                samples.incrementAndGet();
                try (ResultSet rs = active.executeQuery()) {
                    while (rs.next()) {
                        seen.computeIfAbsent(rs.getString(1), k -> new AtomicLong()).incrementAndGet();
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            System.err.println("wait-event sampling stopped: " + failed.getMessage());
        }
    }

    /** Average active sessions by what they did, the busiest first: "on CPU 1.21, IO:WALSync 0.40, ...". */
    String describe() {
        long n = Math.max(1, samples.get());
        Map<String, Long> counts = new TreeMap<>();
        seen.forEach((what, count) -> counts.put(what, count.get()));
        double total = counts.values().stream().mapToLong(Long::longValue).sum() / (double) n;
        return String.format(Locale.ROOT, "%.2f active sessions on average (%d samples): ", total, n)
                + counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) n))
                        .collect(Collectors.joining(", "));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
    }
}
