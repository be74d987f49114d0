package io.clientele.customer.settings;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The settings of the customer context, per workspace, with the service-wide defaults behind them. */
@Service
public class CustomerSettings {

    private final WorkspaceSettingsRepository repository;
    private final CustomerDefaults defaults;
    private final Clock clock;

    CustomerSettings(WorkspaceSettingsRepository repository, CustomerDefaults defaults, Clock clock) {
        this.repository = repository;
        this.defaults = defaults;
        this.clock = clock;
    }

    /**
     * @param regularThreshold completed reservations that make a NEW customer REGULAR
     * @param defaultCountry   ISO 3166 region for phone numbers typed without a country prefix
     * @param updatedAt        when the owner last changed them; null while the defaults apply
     * @param updatedBy        who changed them last
     */
    public record Settings(int regularThreshold, String defaultCountry, Instant updatedAt, String updatedBy) {
    }

    @Transactional(readOnly = true)
    public Settings of(UUID workspaceId) {
        return repository.findById(workspaceId).map(WorkspaceSettings::view)
                .orElseGet(() -> new Settings(defaults.regularThreshold(), defaults.defaultCountry(), null, null));
    }

    @Transactional
    Settings change(Actor actor, int regularThreshold, String defaultCountry) {
        String country = defaultCountry == null ? null : defaultCountry.trim().toUpperCase(Locale.ROOT);
        List<FieldViolation> violations = new ArrayList<>();
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
        settings.change(regularThreshold, country, actor.subject(), clock.instant());
        return repository.save(settings).view();
    }
}
