package io.clientele.scenario.enrollments;

import io.clientele.scenario.definitions.Definition.Trigger;
import io.clientele.scenario.definitions.Scenarios;
import io.clientele.scenario.definitions.Scenarios.ScenarioVersion;
import io.clientele.scenario.enrollments.ReadModel.Birthday;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * S-2 birthday trigger, with no nightly scan: each customer with a date of birth has one durable timer, at the
 * configured local time of their next birthday. A changed date sets a new timer (the old one, firing, finds a
 * different moment on the customer and does nothing); a removed one leaves no moment at all. The timer that fires
 * starts the workspace's active birthday scenarios and sets the next year's timer, in one transaction.
 * <p>
 * 29 February: in a year without one, the birthday is 28 February (still in the customer's February, and never a
 * day after their birthday passed).
 */
@Service
class Birthdays {

    private final ReadModel readModel;
    private final Timers timers;
    private final Scenarios scenarios;
    private final Enrollments enrollments;
    private final Clock clock;
    private final LocalTime localTime;
    private final ZoneId zone;

    Birthdays(ReadModel readModel, Timers timers, Scenarios scenarios, Enrollments enrollments, Clock clock,
            @Value("${clientele.scenario.birthday.local-time:09:00}") LocalTime localTime,
            @Value("${clientele.scenario.birthday.time-zone:Europe/Prague}") ZoneId zone) {
        this.readModel = readModel;
        this.timers = timers;
        this.scenarios = scenarios;
        this.enrollments = enrollments;
        this.clock = clock;
        this.localTime = localTime;
        this.zone = zone;
    }

    /** customer-service told the customer's date of birth (null: none, or removed), in the event's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void told(UUID workspaceId, UUID customerId, LocalDate birthDate, Instant now) {
        Birthday known = readModel.birthdayForUpdate(workspaceId, customerId).orElse(null);
        if (known == null || known.erased()) {
            return;
        }
        if (Objects.equals(known.birthDate(), birthDate) && (birthDate == null || known.nextAt() != null)) {
            return;
        }
        Instant next = birthDate == null ? null : next(birthDate, now, localTime, zone);
        readModel.birthday(workspaceId, customerId, birthDate, next);
        if (next != null) {
            timers.setBirthday(workspaceId, customerId, next);
        }
    }

    /** A birthday timer fired: only the one whose moment the customer still carries does anything. */
    @Transactional
    public void fire(UUID workspaceId, UUID customerId, Instant at) {
        Birthday known = readModel.birthdayForUpdate(workspaceId, customerId).orElse(null);
        if (known == null || known.erased() || known.nextAt() == null || known.nextAt().toEpochMilli() != at.toEpochMilli()) {
            return;
        }
        Instant now = clock.instant();
        for (ScenarioVersion scenario : scenarios.startedBy(workspaceId, Trigger.BIRTHDAY)) {
            enrollments.start(workspaceId, scenario, customerId, null, "trigger:birthday", now);
        }
        Instant next = next(known.birthDate(), at, localTime, zone);
        readModel.birthday(workspaceId, customerId, known.birthDate(), next);
        timers.setBirthday(workspaceId, customerId, next);
    }

    /** The first birthday greeting strictly after {@code after}. */
    static Instant next(LocalDate birthDate, Instant after, LocalTime at, ZoneId zone) {
        int year = after.atZone(zone).getYear();
        while (true) {
            Instant candidate = ZonedDateTime.of(on(birthDate, year), at, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
            year++;
        }
    }

    /** The birthday in a year: 29 February falls on 28 February in a year without it. */
    static LocalDate on(LocalDate birthDate, int year) {
        return MonthDay.from(birthDate).atYear(year);
    }
}
