package io.clientele.customer.notes;

/** C-6: notes are listed HIGH first, then MEDIUM, then NONE. */
public enum NotePriority {
    HIGH(0),
    MEDIUM(1),
    NONE(2);

    private final int rank;

    NotePriority(int rank) {
        this.rank = rank;
    }

    int rank() {
        return rank;
    }
}
