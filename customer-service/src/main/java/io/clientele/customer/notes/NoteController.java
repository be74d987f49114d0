package io.clientele.customer.notes;

import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/notes")
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Notes", description = "Team-only notes on a customer (C-6)")
class NoteController {

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    record NoteRequest(@NotBlank @Size(max = 5000) String text, NotePriority priority) {
    }

    @GetMapping
    @Operation(summary = "The customer's notes: HIGH priority first, then MEDIUM, then NONE; newest first within each")
    List<Note.NoteView> list(Actor actor, @PathVariable UUID customerId) {
        return notes.list(actor, customerId);
    }

    @PostMapping
    @Operation(summary = "Add a note (priority NONE unless given)")
    ResponseEntity<Note.NoteView> add(Actor actor, @PathVariable UUID customerId,
            @Valid @RequestBody NoteRequest request) {
        Note.NoteView note = notes.add(actor, customerId, request.text(), request.priority());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/notes/" + note.id())).body(note);
    }

    @PutMapping("/{noteId}")
    @Operation(summary = "Edit a note's text and priority")
    Note.NoteView edit(Actor actor, @PathVariable UUID customerId, @PathVariable UUID noteId,
            @Valid @RequestBody NoteRequest request) {
        return notes.edit(actor, customerId, noteId, request.text(), request.priority());
    }

    @DeleteMapping("/{noteId}")
    @Operation(summary = "Delete a note")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID customerId, @PathVariable UUID noteId) {
        notes.delete(actor, customerId, noteId);
        return ResponseEntity.noContent().build();
    }
}
