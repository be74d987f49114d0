package io.clientele.customer.imports;

import io.clientele.customer.customers.CustomerProfile;
import io.clientele.customer.customers.ImportedRow;
import io.clientele.customer.imports.ImportStore.Rejection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cuts an import's rows into chunks that two writers can write at the same time without stepping on
 * each other: neighbouring chunks, the only ones ever written together, never share an e-mail or a
 * phone. A row whose e-mail or phone is in the previous chunk goes into a later one, after the rows it
 * must follow, so rows naming the same person keep their file order. Files rarely trigger this: it
 * takes the same person twice within a few thousand rows.
 */
final class ChunkPlanner {

    /** A chunk being filled: its rows (with their cells as read), refused rows, rows read. */
    static final class Planned {
        final long number;
        final List<ImportedRow> rows = new ArrayList<>();
        final Map<Long, Map<String, String>> raw = new HashMap<>();
        final List<Rejection> rejections = new ArrayList<>();
        long rowsRead;

        Planned(long number) {
            this.number = number;
        }

        int size() {
            return rows.size() + rejections.size();
        }
    }

    private final int size;
    private final Consumer<Planned> emit;
    /** The chunk being filled, then those rows were pushed ahead into, in order. */
    private final Deque<Planned> open = new ArrayDeque<>();
    /** The last chunk each recent e-mail or phone went into. */
    private final Map<String, Long> lastChunkOf = new HashMap<>();

    ChunkPlanner(int size, Consumer<Planned> emit) {
        this.size = size;
        this.emit = emit;
        open.add(new Planned(0));
    }

    void add(ImportedRow row, Map<String, String> raw) {
        List<String> keys = keys(row.given());
        long chunk = current().number;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (String key : keys) {
                Long last = lastChunkOf.get(key);
                if (last == null || last == chunk || last < chunk - 1) {
                    continue;
                }
                // the chunk of that row (after it) is fine; the one right after it is not
                chunk = last > chunk ? last : chunk + 1;
                moved = true;
            }
        }
        Planned planned = chunk(chunk);
        planned.rows.add(row);
        planned.raw.put(row.rowNumber(), raw);
        for (String key : keys) {
            lastChunkOf.put(key, chunk);
        }
        read();
    }

    void reject(Rejection rejection) {
        current().rejections.add(rejection);
        read();
    }

    /** Hands on every chunk left, in order. */
    void finish() {
        while (!open.isEmpty()) {
            emit.accept(open.removeFirst());
        }
    }

    private Planned current() {
        return open.getFirst();
    }

    private void read() {
        Planned current = current();
        current.rowsRead++;
        if (current.size() >= size) {
            open.removeFirst();
            emit.accept(current);
            if (open.isEmpty()) {
                open.add(new Planned(current.number + 1));
            }
            // keys last seen two chunks back or more restrict nothing any more
            long oldest = current.number;
            lastChunkOf.values().removeIf(chunk -> chunk < oldest);
        }
    }

    private Planned chunk(long number) {
        for (Planned planned : open) {
            if (planned.number == number) {
                return planned;
            }
        }
        Planned created = open.getLast();
        for (long n = created.number + 1; n <= number; n++) {
            created = new Planned(n);
            open.addLast(created);
        }
        return created;
    }

    static List<String> keys(CustomerProfile given) {
        List<String> keys = new ArrayList<>(2);
        if (given.email() != null) {
            keys.add("e:" + given.email().toLowerCase(Locale.ROOT));
        }
        if (given.phone() != null) {
            keys.add("p:" + given.phone());
        }
        return keys;
    }
}
