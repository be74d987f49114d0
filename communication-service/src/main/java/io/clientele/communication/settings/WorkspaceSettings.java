package io.clientele.communication.settings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How a workspace communicates: its time zone (or the recipient's, from the phone number's country),
 * quiet hours and a frequency cap for marketing, the sender, the default language, and the version of
 * the consent wording its forms show.
 *
 * @param quietHours   null: none
 * @param marketingCap null: none
 */
public record WorkspaceSettings(ZoneId timeZone, boolean timeZoneFromPhone, QuietHours quietHours,
        MarketingCap marketingCap, Sender sender, String defaultLanguage, String consentWordingVersion) {

    /**
     * Marketing waits while the recipient's clock is between {@code start} and {@code end}; a window
     * may span midnight (21:00-08:00).
     */
    public record QuietHours(LocalTime start, LocalTime end) {

        public boolean contains(LocalTime time) {
            return start.isBefore(end)
                    ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
        }

        /** The first moment at or after {@code at} outside quiet hours, in the zone of {@code at}. */
        public Instant nextAllowed(ZonedDateTime at) {
            if (!contains(at.toLocalTime())) {
                return at.toInstant();
            }
            ZonedDateTime end = at.with(this.end).withSecond(0).withNano(0);
            if (!end.isAfter(at)) {
                end = end.plusDays(1);
            }
            return end.toInstant();
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    /** At most {@code maxMessages} marketing messages per customer in any {@code period}. */
    public record MarketingCap(int maxMessages, Duration period) {
    }

    public record Sender(String emailAddress, String emailName, String replyTo, String smsSender) {
    }
}
