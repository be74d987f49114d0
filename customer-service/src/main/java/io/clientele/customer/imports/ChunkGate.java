package io.clientele.customer.imports;

import java.util.TreeSet;

/**
 * When a chunk may be written: once every chunk two or more before it has committed, so that only
 * neighbouring chunks (which share no e-mail or phone) are ever written at the same time. A writer
 * that fails stops the others.
 */
final class ChunkGate {

    private final TreeSet<Long> committedAhead = new TreeSet<>();
    /** Every chunk up to this one has committed. */
    private long committedUpTo = -1;
    private Throwable failure;

    synchronized void awaitTurn(long chunk) {
        while (failure == null && committedUpTo < chunk - 2) {
            try {
                wait();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was stopped", stopped);
            }
        }
        if (failure != null) {
            throw new IllegalStateException("Another writer of this import failed", failure);
        }
    }

    synchronized void committed(long chunk) {
        committedAhead.add(chunk);
        while (committedAhead.remove(committedUpTo + 1)) {
            committedUpTo++;
        }
        notifyAll();
    }

    synchronized void fail(Throwable failed) {
        if (failure == null) {
            failure = failed;
        }
        notifyAll();
    }
}
