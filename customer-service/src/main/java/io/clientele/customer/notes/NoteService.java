package io.clientele.customer.notes;

import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.customer.customers.Customers;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class NoteService {

    static final int PREVIEW_LENGTH = 160;

    private final NoteRepository notes;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoteService(NoteRepository notes, Customers customers, ApplicationEventPublisher events, Clock clock) {
        this.notes = notes;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Note.NoteView> list(Actor actor, UUID customerId) {
        customers.requireExisting(actor.workspaceId(), customerId);
        return notes.findByWorkspaceIdAndCustomerIdOrderByPriorityRankAscCreatedAtDesc(actor.workspaceId(), customerId)
                .stream().map(Note::view).toList();
    }

    @Transactional
    Note.NoteView add(Actor actor, UUID customerId, String text, NotePriority priority) {
        customers.requireExisting(actor.workspaceId(), customerId);
        Instant now = clock.instant();
        Note note = notes.save(new Note(TimeOrderedIds.next(), actor.workspaceId(), customerId, text.strip(),
                priority == null ? NotePriority.NONE : priority, actor.subject(), now));
        summarise(actor.workspaceId(), customerId);
        events.publishEvent(new NoteAdded(actor.workspaceId(), customerId, note.id(), note.priority(),
                note.author(), note.createdAt(), preview(note.text())));
        return note.view();
    }

    @Transactional
    Note.NoteView edit(Actor actor, UUID customerId, UUID noteId, String text, NotePriority priority) {
        Note note = load(actor, customerId, noteId);
        note.edit(text.strip(), priority == null ? note.priority() : priority, clock.instant());
        notes.flush();
        summarise(actor.workspaceId(), customerId);
        events.publishEvent(new NoteEdited(actor.workspaceId(), customerId, noteId, note.priority(),
                preview(note.text()), clock.instant()));
        return note.view();
    }

    @Transactional
    void delete(Actor actor, UUID customerId, UUID noteId) {
        notes.delete(load(actor, customerId, noteId));
        notes.flush();
        summarise(actor.workspaceId(), customerId);
        events.publishEvent(new NoteDeleted(actor.workspaceId(), customerId, noteId));
    }

    private Note load(Actor actor, UUID customerId, UUID noteId) {
        customers.requireExisting(actor.workspaceId(), customerId);
        return notes.findByWorkspaceIdAndCustomerIdAndId(actor.workspaceId(), customerId, noteId)
                .orElseThrow(() -> new NotFoundException("note", noteId));
    }

    /** The customer list shows a preview of the latest note; keep it current. */
    private void summarise(UUID workspaceId, UUID customerId) {
        notes.findFirstByWorkspaceIdAndCustomerIdOrderByCreatedAtDesc(workspaceId, customerId).ifPresentOrElse(
                latest -> customers.summariseLatestNote(workspaceId, customerId, preview(latest.text()),
                        latest.createdAt()),
                () -> customers.summariseLatestNote(workspaceId, customerId, null, null));
    }

    static String preview(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= PREVIEW_LENGTH ? oneLine : oneLine.substring(0, PREVIEW_LENGTH - 1) + "…";
    }
}
