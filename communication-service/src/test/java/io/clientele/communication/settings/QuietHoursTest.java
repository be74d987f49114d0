package io.clientele.communication.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    final WorkspaceSettings.QuietHours night = new WorkspaceSettings.QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    final ZoneId prague = ZoneId.of("Europe/Prague");

    @Test
    void aWindowOverMidnightHoldsBothEndsStartIncludedEndExcluded() {
        assertThat(night.contains(LocalTime.of(21, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(0, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(20, 59))).isFalse();
    }

    @Test
    void theNextAllowedMomentIsTheEndOfTheWindowAcrossADaylightSavingChange() {
        // 2027-03-28: Prague moves from CET to CEST at 02:00.
        Instant before = Instant.parse("2027-03-27T22:00:00Z"); // 23:00 CET
        assertThat(night.nextAllowed(before.atZone(prague))).isEqualTo(Instant.parse("2027-03-28T06:00:00Z")); // 08:00 CEST
        Instant morning = Instant.parse("2027-03-28T05:00:00Z"); // 07:00 CEST
        assertThat(night.nextAllowed(morning.atZone(prague))).isEqualTo(Instant.parse("2027-03-28T06:00:00Z"));
        Instant day = Instant.parse("2027-03-28T10:00:00Z");
        assertThat(night.nextAllowed(day.atZone(prague))).isEqualTo(day);
    }
}
