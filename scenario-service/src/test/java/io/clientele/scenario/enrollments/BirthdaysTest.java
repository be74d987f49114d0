package io.clientele.scenario.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When the next birthday greeting is due: local time in the zone, summer time, today or next year, 29 February. */
class BirthdaysTest {

    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void aBirthdayLaterThisYearIsGreetedAtNineInTheZoneInSummerTimeToo() {
        assertThat(Birthdays.next(LocalDate.of(1990, 7, 15), Instant.parse("2026-03-01T10:00:00Z"), NINE, PRAGUE))
                .isEqualTo(Instant.parse("2026-07-15T07:00:00Z"));
        assertThat(Birthdays.next(LocalDate.of(1990, 12, 24), Instant.parse("2026-03-01T10:00:00Z"), NINE, PRAGUE))
                .isEqualTo(Instant.parse("2026-12-24T08:00:00Z"));
    }

    @Test
    void aBirthdayTodayIsGreetedTodayBeforeNineAndNextYearAfter() {
        LocalDate born = LocalDate.of(1985, 5, 20);
        assertThat(Birthdays.next(born, Instant.parse("2026-05-20T06:59:59Z"), NINE, PRAGUE))
                .isEqualTo(Instant.parse("2026-05-20T07:00:00Z"));
        assertThat(Birthdays.next(born, Instant.parse("2026-05-20T07:00:00Z"), NINE, PRAGUE))
                .as("the greeting's own moment: the next is a year on").isEqualTo(Instant.parse("2027-05-20T07:00:00Z"));
    }

    @Test
    void the29thOfFebruaryIsGreetedOnThe28thInYearsWithoutItAndOnThe29thInLeapYears() {
        LocalDate leapling = LocalDate.of(2000, 2, 29);
        assertThat(Birthdays.next(leapling, Instant.parse("2026-01-10T00:00:00Z"), NINE, PRAGUE))
                .isEqualTo(Instant.parse("2026-02-28T08:00:00Z"));
        assertThat(Birthdays.next(leapling, Instant.parse("2027-03-01T00:00:00Z"), NINE, PRAGUE))
                .isEqualTo(Instant.parse("2028-02-29T08:00:00Z"));
        assertThat(Birthdays.next(leapling, Instant.parse("2028-02-28T12:00:00Z"), NINE, PRAGUE))
                .as("not on the 28th in a leap year").isEqualTo(Instant.parse("2028-02-29T08:00:00Z"));
    }

    @Test
    void theZoneDecidesTheDayNotUtc() {
        // 23:30 UTC on 9 March is already 10 March in Prague: that day's 09:00 has not come yet
        assertThat(Birthdays.next(LocalDate.of(1970, 3, 10), Instant.parse("2026-03-09T23:30:00Z"), NINE, PRAGUE))
                .isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
    }
}
