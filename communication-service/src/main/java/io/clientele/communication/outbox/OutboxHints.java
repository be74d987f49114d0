package io.clientele.communication.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Documents this instance wrote with pending events, so the relay publishes them within milliseconds.
 * Only a hint: what is lost here (a crash, another instance's writes) the relay's sweep finds anyway.
 */
@Component
class OutboxHints {

    private static final int LIMIT = 100_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition offered = lock.newCondition();
    private final Map<String, Set<String>> idsByCollection = new LinkedHashMap<>();
    private int size;

    void offer(String collection, Collection<String> ids) {
        lock.lock();
        try {
            Set<String> set = idsByCollection.computeIfAbsent(collection, c -> new LinkedHashSet<>());
            for (String id : ids) {
                // Past the limit the sweep takes over; the hints only make it faster.
                if (size < LIMIT && set.add(id)) {
                    size++;
                }
            }
            offered.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code millis} for hints, then takes at most {@code max} of them. */
    Map<String, List<String>> take(int max, long millis) throws InterruptedException {
        lock.lock();
        try {
            if (size == 0) {
                offered.await(millis, TimeUnit.MILLISECONDS);
            }
            Map<String, List<String>> taken = new LinkedHashMap<>();
            int left = max;
            for (var entry : idsByCollection.entrySet()) {
                List<String> ids = new ArrayList<>();
                var iterator = entry.getValue().iterator();
                while (left > 0 && iterator.hasNext()) {
                    ids.add(iterator.next());
                    iterator.remove();
                    left--;
                    size--;
                }
                if (!ids.isEmpty()) {
                    taken.put(entry.getKey(), ids);
                }
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }
}
