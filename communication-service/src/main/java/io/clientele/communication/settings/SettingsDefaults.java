package io.clientele.communication.settings;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a workspace gets until its owner saves its own settings. Quiet hours and the cap are off unless
 * configured: a workspace turns them on for its own audience.
 */
@ConfigurationProperties("clientele.communication.defaults")
record SettingsDefaults(ZoneId timeZone, Boolean timeZoneFromPhone, LocalTime quietHoursStart, LocalTime quietHoursEnd,
        Integer marketingCapMessages, Duration marketingCapPeriod, String emailFrom, String emailName, String smsSender,
        String language, String consentWordingVersion) {

    SettingsDefaults {
        timeZone = timeZone == null ? ZoneId.of("Europe/Prague") : timeZone;
        timeZoneFromPhone = timeZoneFromPhone == null || timeZoneFromPhone;
        emailFrom = emailFrom == null ? "no-reply@clientele.local" : emailFrom;
        emailName = emailName == null ? "Clientele" : emailName;
        smsSender = smsSender == null ? "Clientele" : smsSender;
        language = language == null ? "en" : language;
        consentWordingVersion = consentWordingVersion == null ? "1" : consentWordingVersion;
    }

    WorkspaceSettings settings() {
        return new WorkspaceSettings(timeZone, timeZoneFromPhone,
                quietHoursStart == null || quietHoursEnd == null ? null
                        : new WorkspaceSettings.QuietHours(quietHoursStart, quietHoursEnd),
                marketingCapMessages == null || marketingCapPeriod == null ? null
                        : new WorkspaceSettings.MarketingCap(marketingCapMessages, marketingCapPeriod),
                new WorkspaceSettings.Sender(emailFrom, emailName, null, smsSender), language, consentWordingVersion);
    }
}
