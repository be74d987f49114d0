package io.clientele.customer.imports;

import io.clientele.customer.customers.CustomerType;
import io.clientele.customer.customers.Gender;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customers.SalesStage;
import io.clientele.customer.customers.Temperature;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values other systems write into a cell: statuses, yes/no, dates and genders in English,
 * Czech and Bulgarian; numbers with a decimal comma. Each answers empty when it cannot read the cell.
 */
final class CellValues {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern EUROPEAN_DATE = Pattern.compile("(\\d{1,2})\\s*[./]\\s*(\\d{1,2})\\s*[./]\\s*(\\d{4})");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:[.,]\\d{1,2})?)\\s*%?");

    private static final Map<String, LifecycleStatus> STATUSES = new HashMap<>();
    private static final Map<String, Boolean> YES_NO = new HashMap<>();
    private static final Map<String, Gender> GENDERS = new HashMap<>();
    private static final Map<String, Temperature> TEMPERATURES = new HashMap<>();
    private static final Map<String, SalesStage> STAGES = new HashMap<>();
    private static final Map<String, CustomerType> TYPES = new HashMap<>();

    static {
        words(STATUSES, LifecycleStatus.NEW, "new", "nový", "nová", "nove", "нов", "нова");
        words(STATUSES, LifecycleStatus.REGULAR, "regular", "pravidelný", "pravidelná", "stálý", "stálá", "stály",
                "редовен", "редовна", "постоянен");
        words(STATUSES, LifecycleStatus.PROBLEMATIC, "problematic", "problémový", "problémová", "проблемен",
                "проблемна");
        words(STATUSES, LifecycleStatus.BLOCKED, "blocked", "blokovaný", "blokovaná", "blokován", "блокиран",
                "блокирана");
        words(YES_NO, Boolean.TRUE, "yes", "y", "true", "1", "ano", "a", "souhlasí", "souhlas", "souhlasím", "да",
                "subscribed", "opt-in", "optin", "x", "✓", "✔");
        words(YES_NO, Boolean.FALSE, "no", "n", "false", "0", "ne", "nesouhlasí", "nesouhlas", "не", "unsubscribed",
                "opt-out", "optout");
        words(GENDERS, Gender.FEMALE, "female", "f", "woman", "žena", "ž", "ženské", "жена", "ж", "женски");
        words(GENDERS, Gender.MALE, "male", "m", "man", "muž", "mužské", "мъж", "мъжки");
        words(GENDERS, Gender.OTHER, "other", "jiné", "jiný", "друг", "друго");
        words(GENDERS, Gender.UNDISCLOSED, "undisclosed", "unknown", "neuvedeno", "nechci uvést", "неуточнен");
        words(TEMPERATURES, Temperature.HOT, "hot", "horký", "horká", "гореща");
        words(TEMPERATURES, Temperature.WARM, "warm", "teplý", "teplá", "топла");
        words(TEMPERATURES, Temperature.COLD, "cold", "studený", "studená", "студена");
        words(TEMPERATURES, Temperature.NOT_INTERESTED, "not_interested", "not interested", "nemá zájem", "nezájem",
                "без интерес");
        words(STAGES, SalesStage.CURRENT, "current", "customer", "aktuální", "stávající", "текущ");
        words(STAGES, SalesStage.POTENTIAL, "potential", "lead", "potenciální", "потенциален");
        words(TYPES, CustomerType.CONTACT, "contact", "kontakt", "контакт");
        words(TYPES, CustomerType.REGISTERED, "registered", "registrovaný", "registrovaná", "регистриран");
    }

    private CellValues() {
    }

    private static <T> void words(Map<String, T> into, T value, String... words) {
        into.put(normal(value instanceof Enum<?> constant ? constant.name() : value.toString()), value);
        for (String word : words) {
            into.put(normal(word), value);
        }
    }

    private static String normal(String cell) {
        return cell.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<LifecycleStatus> status(String cell) {
        return Optional.ofNullable(STATUSES.get(normal(cell)));
    }

    static Optional<Boolean> yesNo(String cell) {
        return Optional.ofNullable(YES_NO.get(normal(cell)));
    }

    static Optional<Gender> gender(String cell) {
        return Optional.ofNullable(GENDERS.get(normal(cell)));
    }

    static Optional<Temperature> temperature(String cell) {
        return Optional.ofNullable(TEMPERATURES.get(normal(cell)));
    }

    static Optional<SalesStage> stage(String cell) {
        return Optional.ofNullable(STAGES.get(normal(cell)));
    }

    static Optional<CustomerType> customerType(String cell) {
        return Optional.ofNullable(TYPES.get(normal(cell)));
    }

    /** 1990-04-12, 12.4.1990, 12. 4. 1990 or 12/04/1990 (day first, as in Europe). */
    static Optional<LocalDate> date(String cell) {
        String value = cell.strip();
        try {
            Matcher iso = ISO_DATE.matcher(value);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher european = EUROPEAN_DATE.matcher(value);
            if (european.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(european.group(3)), Integer.parseInt(european.group(2)),
                        Integer.parseInt(european.group(1))));
            }
        } catch (DateTimeException impossible) {
            // 31.2.1990 and the like
        }
        return Optional.empty();
    }

    /** A number with a decimal point or comma: "12,5" is 12.5. */
    static Optional<BigDecimal> number(String cell) {
        String value = cell.strip().replace('\u00a0', ' ').replace(" ", "");
        if (value.indexOf(',') >= 0 && value.indexOf('.') < 0) {
            value = value.replace(',', '.');
        }
        try {
            return Optional.of(new BigDecimal(value));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** 0 to 100 with at most two decimals; "10 %" and "10,5" too. */
    static Optional<BigDecimal> percent(String cell) {
        Matcher matcher = PERCENT.matcher(cell.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(matcher.group(1).replace(',', '.'));
        return value.compareTo(BigDecimal.ZERO) >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0
                ? Optional.of(value) : Optional.empty();
    }
}
