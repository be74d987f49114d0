package io.clientele.customer.settings;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The settings of the customer context, per workspace, with the service-wide defaults behind them. */
@Service
public class CustomerSettings {

    private final WorkspaceSettingsRepository repository;
    private final JdbcClient jdbc;
    private final CustomerDefaults defaults;
    private final Clock clock;

    CustomerSettings(WorkspaceSettingsRepository repository, JdbcClient jdbc, CustomerDefaults defaults, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.clock = clock;
    }

    /**
     * @param regularThreshold completed reservations that make a NEW customer REGULAR
     * @param defaultCountry   ISO 3166 region for phone numbers typed without a country prefix
     * @param language         BCP 47 tag of the language the customer list sorts names in
     * @param updatedAt        when the owner last changed them; null while the defaults apply
     * @param updatedBy        who changed them last
     */
    public record Settings(int regularThreshold, String defaultCountry, String language, Instant updatedAt,
            String updatedBy) {
    }

    /**
     * One SELECT, in the caller's transaction or in autocommit: every page of the customer list reads the
     * settings (its language, its phone country), so without the round trips of a transaction of its own.
     */
    public Settings of(UUID workspaceId) {
        return jdbc.sql("SELECT regular_threshold, default_country, language, updated_at, updated_by"
                        + " FROM workspace_settings WHERE workspace_id = ?")
                .param(workspaceId)
                .query((rs, i) -> new Settings(rs.getInt("regular_threshold"), rs.getString("default_country"),
                        Optional.ofNullable(rs.getString("language")).orElse(defaults.language()),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by")))
                .optional()
                .orElseGet(() -> new Settings(defaults.regularThreshold(), defaults.defaultCountry(),
                        defaults.language(), null, null));
    }

    /** @param language null keeps the workspace's language as it is */
    @Transactional
    Settings change(Actor actor, int regularThreshold, String defaultCountry, String language) {
        String country = defaultCountry == null ? null : defaultCountry.trim().toUpperCase(Locale.ROOT);
        Optional<String> canonicalLanguage = Languages.canonical(language);
        List<FieldViolation> violations = new ArrayList<>();
        if (language != null && canonicalLanguage.isEmpty()) {
            violations.add(new FieldViolation("language", "language",
                    "must be a language tag such as cs, sk, bg or en"));
        }
        if (regularThreshold < 1 || regularThreshold > 1000) {
            violations.add(new FieldViolation("regularThreshold", "Range", "must be between 1 and 1000"));
        }
        if (country == null || !PhoneNumberUtil.getInstance().getSupportedRegions().contains(country)) {
            violations.add(new FieldViolation("defaultCountry", "country",
                    "must be an ISO 3166 country code such as CZ, SK, BG or DE"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        WorkspaceSettings settings = repository.findById(actor.workspaceId())
                .orElseGet(() -> new WorkspaceSettings(actor.workspaceId()));
        settings.change(regularThreshold, country, canonicalLanguage.orElse(null), actor.subject(), clock.instant());
        return repository.save(settings).view(defaults.language());
    }
}
