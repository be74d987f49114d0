package io.clientele.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T10:00:00+01:00", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00.1Z",
            "2026-11-28T09:00:00.123456789Z", "2026-11-28T09:00:00.000001-05:30", "2024-02-29T23:59:59+14:00",
            "1970-01-01T00:00:00Z", "2026-11-28T10:00+01:00", "2026-11-28T10:00:00+0100", "+12026-11-28T10:00:00Z",
            "2026-11-28T10:00:00+01:00:30", "2026-11-28t10:00:00Z", "2026-11-28T10:00:00.Z"})
    void readsWhatOffsetDateTimeReadsAndRefusesWhatItRefuses(String text) {
        Instant expected;
        try {
            expected = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Timestamps.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-28T24:00:00Z",
            "2026-11-28T10:60:00Z", "2026-11-28T10:00:60Z", "2026-11-28T10:00:00+19:00", "2026-11-28T10:00:00",
            "2026-11-28 10:00:00Z", "2026-11-28T10:00:00.1234567890Z", "2026-11-28", "", "yesterday",
            "2026-1a-28T10:00:00Z"})
    void refusesWhatIsNotATimestampWithAnOffset(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesWithTheJdkOnManyGeneratedTimestamps() {
        Random random = new Random(7);
        DateTimeFormatter[] formats = {DateTimeFormatter.ISO_OFFSET_DATE_TIME,
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")};
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextLong(-2_000_000_000L,
                    8_000_000_000L), random.nextInt(1_000_000_000)),
                    ZoneOffset.ofTotalSeconds((random.nextInt(-72, 73)) * 15 * 60));
            String text = time.format(formats[i % formats.length]);
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }
}
