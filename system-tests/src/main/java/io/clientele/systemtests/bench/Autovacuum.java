package io.clientele.systemtests.bench;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for PostgreSQL's autovacuum on a server where it is switched off. The project's machines run
 * PostgreSQL with {@code autovacuum = off} (their CI configuration, {@code /etc/postgresql/.../conf.d}); a
 * production server has it on, and a benchmark of a service that writes a few hundred thousand rows
 * measures something no deployment sees when the planner never gets statistics of the tables it grew
 * from empty: every workspace-scoped query then estimates the workspace at 0.5 % of the table and scans
 * all of it. This thread runs {@code VACUUM (ANALYZE)} on the benchmark's database at a fixed interval,
 * throttled by autovacuum's default cost delay, which is what autovacuum does at its default thresholds
 * on tables growing this fast. It does nothing
 * when the server's own autovacuum is on, or when the interval is 0.
 */
final class Autovacuum implements AutoCloseable {

    private final Thread thread;
    private final String description;
    private final AtomicInteger runs = new AtomicInteger();

    private Autovacuum(Thread thread, String description) {
        this.thread = thread;
        this.description = description;
    }

    static Autovacuum every(Psql psql, int seconds) throws Exception {
        if ("on".equals(psql.value("SHOW autovacuum"))) {
            return new Autovacuum(null, "the server's own autovacuum");
        }
        if (seconds <= 0) {
            return new Autovacuum(null, "autovacuum off on this server and no stand-in (--analyze-every=0): the"
                    + " planner has no statistics of the tables the run grows");
        }
        Autovacuum[] self = new Autovacuum[1];
        Thread thread = Thread.ofPlatform().daemon().name("autovacuum-stand-in").unstarted(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(seconds * 1000L);
                    // throttled as autovacuum is by default (autovacuum_vacuum_cost_delay 2 ms with the
                    // default cost limit); a manual VACUUM otherwise runs unthrottled
                    psql.run("SET vacuum_cost_delay = '2ms';\nSET vacuum_cost_limit = 200;\nVACUUM (ANALYZE);\n");
                    self[0].runs.incrementAndGet();
                } catch (InterruptedException stop) {
                    return;
                } catch (Exception failed) {
                    System.err.println("VACUUM (ANALYZE) failed: " + failed.getMessage());
                }
            }
        });
        self[0] = new Autovacuum(thread, String.format(Locale.ROOT, "autovacuum is off on this server; the"
                + " benchmark ran VACUUM (ANALYZE) every %d s in its stead", seconds));
        thread.start();
        return self[0];
    }

    String describe() {
        return thread == null ? description : description + " (" + runs.get() + " times)";
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
