package io.clientele.systemtests.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * When sampled reservations become visible to any reader of customer-service's database (the API reads the
 * same committed rows): one thread asks for every reservation still awaited in one indexed query, every
 * 10 ms, so the measuring costs the system about one cheap query per 10 ms however many samples are open.
 * Asking the API instead costs a request per sample per poll, which at 500 events/s and lags of a few
 * hundred milliseconds is hundreds of requests a second on the same two cores: the measurement then makes
 * the lag it measures. A reading is never early (the publish time is taken before the send) and at most
 * 10 ms plus one query late.
 */
final class Visibility implements AutoCloseable {

    private static final long POLL_MILLIS = 10;

    private final Connection connection;
    private final UUID workspace;
    private final String partner;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final List<Double> lags = Collections.synchronizedList(new ArrayList<>());
    private final Thread watcher;
    private volatile boolean running = true;
    private volatile Exception failure;

    private Visibility(String database, UUID workspace, String partner) throws Exception {
        this.connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
        this.workspace = workspace;
        this.partner = partner;
        this.watcher = Thread.ofPlatform().name("visibility").daemon().start(this::watch);
    }

    static Visibility of(String database, UUID workspace, String partner) throws Exception {
        return new Visibility(database, workspace, partner);
    }

    /** @param publishedNanos {@link System#nanoTime()} taken before the event was handed to the producer */
    void expect(String externalId, long publishedNanos) {
        pending.put(externalId, publishedNanos);
    }

    /** @return the lag of every sample, in milliseconds, once all are visible */
    List<Double> awaitAll(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending.size() + " sampled reservations not visible after " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        List<Double> all = new ArrayList<>(lags);
        lags.clear();
        return all;
    }

    private void watch() {
        try (PreparedStatement query = connection.prepareStatement("SELECT external_id FROM reservation"
                + " WHERE workspace_id = ? AND partner = ? AND external_id = ANY (?)")) {
            while (running) {
                if (!pending.isEmpty()) {
                    query.setObject(1, workspace);
                    query.setString(2, partner);
                    query.setArray(3, connection.createArrayOf("text", pending.keySet().toArray()));
                    try (ResultSet rs = query.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            Long published = pending.remove(rs.getString(1));
                            if (published != null) {
                                lags.add((now - published) / 1e6);
                            }
                        }
                    }
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        watcher.join(5_000);
        connection.close();
    }
}
