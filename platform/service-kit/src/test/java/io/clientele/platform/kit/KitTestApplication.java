package io.clientele.platform.kit;

import io.clientele.platform.events.OutgoingEvent;
import io.clientele.platform.outbox.Outbox;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A tiny service built on the kit, the way a real one is, so the kit is tested as services use it. */
@SpringBootApplication
public class KitTestApplication {

    public enum Colour { RED, GREEN }

    public record ThingRequest(@NotBlank @Size(max = 10) String name, @Email String email, @NotNull Colour colour,
            @Min(0) @Max(100) Integer discount, @Valid Address address, Map<String, String> labels,
            java.time.LocalDate due, java.time.Instant at) {
    }

    public record Address(@Size(max = 5) String postalCode) {
    }

    @RestController
    static class DemoController {

        private final DemoService service;

        DemoController(DemoService service) {
            this.service = service;
        }

        @PostMapping("/demo/things")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> create(Actor actor, @Valid @RequestBody ThingRequest request) {
            return Map.of("name", request.name(), "workspace", actor.workspaceId().toString());
        }

        @GetMapping("/demo/things/{id}")
        Map<String, Object> find(@PathVariable UUID id, @RequestParam(required = false) Integer page) {
            throw new NotFoundException("thing", id);
        }

        @GetMapping("/demo/me")
        Actor me(Actor actor) {
            return actor;
        }

        @PreAuthorize("hasRole('OWNER')")
        @GetMapping("/demo/owners-only")
        Map<String, Object> ownersOnly() {
            return Map.of("ok", true);
        }

        @GetMapping("/demo/colours")
        Map<String, Object> colours(@RequestParam(required = false) Set<Colour> colour,
                @RequestParam(required = false) Colour favourite, @RequestParam(required = false) String q) {
            return Map.of("colours", colour == null ? List.of() : colour.stream().map(Colour::name).sorted().toList(),
                    "q", String.valueOf(q));
        }

        @PostMapping(path = "/demo/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        Map<String, Object> upload(@RequestPart("file") MultipartFile file) {
            return Map.of("fileName", String.valueOf(file.getOriginalFilename()), "bytes", file.getSize());
        }

        @PostMapping(path = "/demo/forms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        Map<String, Object> form(@RequestParam String word) {
            return Map.of("word", word);
        }

        @GetMapping("/demo/boom")
        Map<String, Object> boom() {
            throw new IllegalStateException("secret internals");
        }

        @PostMapping("/demo/state")
        Map<String, Object> change(Actor actor, @RequestParam String label) {
            return Map.of("eventId", service.change(actor.workspaceId(), label));
        }
    }

    @Service
    public static class DemoService {

        public static final String TOPIC = "demo.events";

        private final JdbcTemplate jdbc;
        private final Outbox outbox;

        DemoService(JdbcTemplate jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        /** One state change and its event, committed together. */
        @Transactional
        public String change(UUID workspace, String label) {
            UUID id = UUID.randomUUID();
            jdbc.update("INSERT INTO demo_state (id, label) VALUES (?, ?)", id, label);
            return outbox.publish(new OutgoingEvent(TOPIC, "demo.changed.v1", workspace, id.toString(),
                    Map.of("label", label)));
        }

        @Transactional
        public void changeThenFail(UUID workspace, String label) {
            change(workspace, label);
            throw new IllegalStateException("rolled back");
        }
    }
}
