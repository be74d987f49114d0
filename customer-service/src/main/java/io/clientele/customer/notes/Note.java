package io.clientele.customer.notes;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A team-only note about a customer. */
@Entity
@Table(name = "customer_note")
class Note {

    @Id
    private UUID id;
    private UUID workspaceId;
    private UUID customerId;
    private String text;
    @Enumerated(EnumType.STRING)
    private NotePriority priority;
    private int priorityRank;
    private String author;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Note() {
        // for JPA
    }

    Note(UUID id, UUID workspaceId, UUID customerId, String text, NotePriority priority, String author, Instant now) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.customerId = customerId;
        this.author = author;
        this.createdAt = now;
        edit(text, priority, now);
    }

    void edit(String text, NotePriority priority, Instant now) {
        this.text = text;
        this.priority = priority;
        this.priorityRank = priority.rank();
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    String text() {
        return text;
    }

    NotePriority priority() {
        return priority;
    }

    String author() {
        return author;
    }

    Instant createdAt() {
        return createdAt;
    }

    NoteView view() {
        return new NoteView(id, text, priority, author, createdAt, updatedAt, version);
    }

    /** A note as the API shows it. */
    record NoteView(UUID id, String text, NotePriority priority, String author, Instant createdAt, Instant updatedAt,
            long version) {
    }
}
