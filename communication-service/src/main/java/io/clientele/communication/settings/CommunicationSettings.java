package io.clientele.communication.settings;

import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Each workspace's communication settings, or the defaults until its owner saves some. */
@Service
public class CommunicationSettings {

    static final Duration MIN_CAP_PERIOD = Duration.ofHours(1);
    static final Duration MAX_CAP_PERIOD = Duration.ofDays(90);

    private final MongoTemplate mongo;
    private final SettingsDefaults defaults;
    private final Clock clock;

    CommunicationSettings(MongoTemplate mongo, SettingsDefaults defaults, Clock clock) {
        this.mongo = mongo;
        this.defaults = defaults;
        this.clock = clock;
    }

    public WorkspaceSettings of(UUID workspaceId) {
        SettingsDocument document = mongo.findById(workspaceId.toString(), SettingsDocument.class);
        return document == null ? defaults.settings() : toSettings(document);
    }

    public Map<UUID, WorkspaceSettings> ofAll(Collection<UUID> workspaces) {
        Map<UUID, WorkspaceSettings> settings = new HashMap<>();
        List<String> ids = workspaces.stream().distinct().map(UUID::toString).toList();
        for (SettingsDocument document : mongo.find(new Query(Criteria.where("_id").in(ids)), SettingsDocument.class)) {
            settings.put(UUID.fromString(document.id()), toSettings(document));
        }
        workspaces.forEach(workspace -> settings.putIfAbsent(workspace, defaults.settings()));
        return settings;
    }

    /** Replaces the workspace's settings; what the request leaves out takes the default. */
    WorkspaceSettings change(Actor actor, SettingsController.SettingsRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        WorkspaceSettings fallback = defaults.settings();
        String zone = request.timeZone() == null ? fallback.timeZone().getId() : request.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            violations.add(new FieldViolation("timeZone", "zone", "'" + zone + "' is not a time zone, e.g. Europe/Prague"));
        }
        SettingsController.QuietHoursRequest quiet = request.quietHours();
        if (quiet != null) {
            LocalTime start = time(quiet.start(), "quietHours.start", violations);
            LocalTime end = time(quiet.end(), "quietHours.end", violations);
            if (start != null && start.equals(end)) {
                violations.add(new FieldViolation("quietHours.end", "range", "must differ from start"));
            }
        }
        SettingsController.CapRequest cap = request.marketingCap();
        if (cap != null) {
            try {
                Duration period = Duration.parse(cap.period());
                if (period.compareTo(MIN_CAP_PERIOD) < 0 || period.compareTo(MAX_CAP_PERIOD) > 0) {
                    violations.add(new FieldViolation("marketingCap.period", "range",
                            "must be between PT1H and P90D"));
                }
            } catch (DateTimeParseException | NullPointerException notADuration) {
                violations.add(new FieldViolation("marketingCap.period", "duration",
                        "must be an ISO 8601 duration such as P7D or PT12H"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        SettingsController.SenderRequest sender = request.sender();
        SettingsDocument document = new SettingsDocument(actor.workspaceId().toString(), zone,
                request.timeZoneFromPhone() == null ? fallback.timeZoneFromPhone() : request.timeZoneFromPhone(),
                quiet == null ? null : quiet.start(), quiet == null ? null : quiet.end(),
                cap == null ? null : cap.maxMessages(), cap == null ? null : Duration.parse(cap.period()).toString(),
                sender == null || sender.emailAddress() == null ? fallback.sender().emailAddress() : sender.emailAddress(),
                sender == null || sender.emailName() == null ? fallback.sender().emailName() : sender.emailName(),
                sender == null ? null : sender.replyTo(),
                sender == null || sender.smsSender() == null ? fallback.sender().smsSender() : sender.smsSender(),
                request.defaultLanguage() == null ? fallback.defaultLanguage() : request.defaultLanguage(),
                request.consentWordingVersion() == null ? fallback.consentWordingVersion() : request.consentWordingVersion(),
                clock.instant(), actor.subject());
        mongo.save(document);
        return toSettings(document);
    }

    private static LocalTime time(String text, String field, List<FieldViolation> violations) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException | NullPointerException notATime) {
            violations.add(new FieldViolation(field, "time", "must be a time of day such as 21:00"));
            return null;
        }
    }

    private static WorkspaceSettings toSettings(SettingsDocument document) {
        return new WorkspaceSettings(ZoneId.of(document.timeZone()), document.timeZoneFromPhone(),
                document.quietHoursStart() == null ? null : new WorkspaceSettings.QuietHours(
                        LocalTime.parse(document.quietHoursStart()), LocalTime.parse(document.quietHoursEnd())),
                document.marketingCapMessages() == null ? null : new WorkspaceSettings.MarketingCap(
                        document.marketingCapMessages(), Duration.parse(document.marketingCapPeriod())),
                new WorkspaceSettings.Sender(document.emailFrom(), document.emailName(), document.replyTo(),
                        document.smsSender()),
                document.defaultLanguage(), document.consentWordingVersion());
    }
}
