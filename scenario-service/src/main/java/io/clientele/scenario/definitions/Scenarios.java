package io.clientele.scenario.definitions;

import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.security.Actor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S-1: a workspace's scenarios. Every edit is a new version and the old ones stay as they were, so an enrollment
 * runs to its end on the version it started with; pausing stops new enrollments, the running ones go on.
 */
@Service
public class Scenarios {

    /** A scenario's version as the engine runs it. */
    public record ScenarioVersion(UUID scenarioId, int version, Definition definition, boolean active) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScenarioStore store;
    private final Clock clock;
    /** Versions never change once written, so a parsed one can be kept. */
    private final Map<String, Definition> parsed = new ConcurrentHashMap<>();

    Scenarios(ScenarioStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public ScenarioView create(Actor actor, JsonNode body) {
        return create(actor, body, null);
    }

    /** A ready-made scenario (S-2): one per workspace and key; switching it on again answers the first. */
    @Transactional
    public ScenarioView create(Actor actor, JsonNode body, String readyMade) {
        Definition definition = DefinitionReader.read(body);
        if (readyMade != null) {
            Optional<UUID> existing = store.findReadyMade(actor.workspaceId(), readyMade);
            if (existing.isPresent()) {
                return get(actor.workspaceId(), existing.get());
            }
        }
        UUID id = UUID.randomUUID();
        if (!store.insert(actor.workspaceId(), id, definition, body, readyMade, actor.subject(), clock.instant())) {
            // switched on by another request at the same moment
            return get(actor.workspaceId(), store.findReadyMade(actor.workspaceId(), readyMade).orElseThrow());
        }
        return get(actor.workspaceId(), id);
    }

    @Transactional
    public ScenarioView edit(Actor actor, UUID id, JsonNode body) {
        Definition definition = DefinitionReader.read(body);
        store.newVersion(actor.workspaceId(), id, definition, body, actor.subject(), clock.instant())
                .orElseThrow(() -> new NotFoundException("scenario", id));
        return get(actor.workspaceId(), id);
    }

    @Transactional
    public ScenarioView setActive(Actor actor, UUID id, boolean active) {
        if (!store.setActive(actor.workspaceId(), id, active, clock.instant())) {
            throw new NotFoundException("scenario", id);
        }
        return get(actor.workspaceId(), id);
    }

    @Transactional(readOnly = true)
    public ScenarioView get(UUID workspaceId, UUID id) {
        return store.find(workspaceId, id).orElseThrow(() -> new NotFoundException("scenario", id));
    }

    @Transactional(readOnly = true)
    public List<ScenarioView> all(UUID workspaceId, NameCollation collation) {
        return store.all(workspaceId, collation);
    }

    @Transactional(readOnly = true)
    public JsonNode version(UUID workspaceId, UUID id, int version) {
        return store.version(workspaceId, id, version).orElseThrow(
                () -> new NotFoundException("scenario version", id + "/" + version));
    }

    /** The version an enrollment runs on. */
    public Definition definition(UUID workspaceId, UUID scenarioId, int version) {
        return parsed.computeIfAbsent(workspaceId + "/" + scenarioId + "/" + version, key -> DefinitionReader.read(
                store.version(workspaceId, scenarioId, version).orElseThrow()));
    }

    /** Active scenarios that a trigger starts, at their current versions. */
    public List<ScenarioVersion> startedBy(UUID workspaceId, Definition.Trigger trigger) {
        return store.activeWith(workspaceId, trigger.name()).stream().map(row -> {
            UUID scenarioId = (UUID) row[0];
            int version = (Integer) row[1];
            return new ScenarioVersion(scenarioId, version, parsed.computeIfAbsent(workspaceId + "/" + scenarioId + "/"
                    + version, key -> DefinitionReader.read(JSON.readTree((String) row[2]))), true);
        }).toList();
    }

    /** The scenario at its current version, for staff starting it by hand. */
    public ScenarioVersion current(UUID workspaceId, UUID scenarioId) {
        ScenarioView view = get(workspaceId, scenarioId);
        return new ScenarioVersion(scenarioId, view.version(), definition(workspaceId, scenarioId, view.version()),
                "ACTIVE".equals(view.status()));
    }
}
