package io.clientele.orderlink.branding;

import io.clientele.orderlink.money.Money;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's branding setting: read by the page, changed by owners. */
@Service
public class Brandings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Brandings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The workspace's branding, or the defaults (English, EUR, no name) until an owner sets it. */
    public WorkspaceBranding of(UUID workspaceId) {
        return jdbc.query("SELECT business_name, logo_url, default_language, default_currency FROM workspace_branding"
                        + " WHERE workspace_id = ?", (rs, n) -> new WorkspaceBranding(rs.getString(1), rs.getString(2),
                        rs.getString(3), Currency.getInstance(rs.getString(4).strip())), workspaceId)
                .stream().findFirst().orElse(new WorkspaceBranding(null, null, "en", Currency.getInstance("EUR")));
    }

    record BrandingRequest(String businessName, String logoUrl, String defaultLanguage, String defaultCurrency) {
    }

    @Transactional
    WorkspaceBranding replace(UUID workspaceId, BrandingRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        String name = request.businessName() == null || request.businessName().isBlank() ? null
                : request.businessName().strip();
        if (name != null && name.length() > 200) {
            violations.add(new FieldViolation("businessName", "length", "must be at most 200 characters"));
        }
        String logo = request.logoUrl() == null || request.logoUrl().isBlank() ? null : request.logoUrl().strip();
        if (logo != null && !isHttpsUrl(logo)) {
            violations.add(new FieldViolation("logoUrl", "url", "'" + logo + "' must be an absolute https address"));
        }
        String language = request.defaultLanguage() == null ? "en" : PageLanguages.supported(request.defaultLanguage());
        if (language == null) {
            violations.add(new FieldViolation("defaultLanguage", "enum",
                    "'" + request.defaultLanguage() + "' is not one of " + PageLanguages.SUPPORTED));
        }
        String currencyCode = request.defaultCurrency() == null ? "EUR" : request.defaultCurrency();
        if (Money.currency(currencyCode).isEmpty()) {
            violations.add(new FieldViolation("defaultCurrency", "currency",
                    "'" + currencyCode + "' is not an ISO 4217 currency code such as CZK or EUR"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        jdbc.update("""
                INSERT INTO workspace_branding (workspace_id, business_name, logo_url, default_language, default_currency,
                                                updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id) DO UPDATE SET business_name = excluded.business_name,
                    logo_url = excluded.logo_url, default_language = excluded.default_language,
                    default_currency = excluded.default_currency, updated_at = excluded.updated_at""",
                workspaceId, name, logo, language, currencyCode, Timestamp.from(clock.instant()));
        return of(workspaceId);
    }

    private static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && url.length() <= 2000;
        } catch (URISyntaxException bad) {
            return false;
        }
    }
}
