package io.clientele.communication.settings;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A workspace's own settings; {@code _id} is the workspace id. */
@Document(SettingsDocument.COLLECTION)
record SettingsDocument(@Id String id, String timeZone, boolean timeZoneFromPhone, String quietHoursStart,
        String quietHoursEnd, Integer marketingCapMessages, String marketingCapPeriod, String emailFrom,
        String emailName, String replyTo, String smsSender, String defaultLanguage, String consentWordingVersion,
        Instant updatedAt, String updatedBy) {

    static final String COLLECTION = "workspace_settings";
}
