package io.clientele.customer.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The column headers Clientele recognises, in English, Czech and Bulgarian: its own standard columns
 * and those of other systems' client exports (Reservio's among them). Headers are compared folded:
 * lower case, without accents, spaces or punctuation, so "E-mail", "e-mail " and "EMAIL" are one.
 */
final class HeaderNames {

    /** The columns of Clientele's own standard file, as its template names them. */
    static final List<String> STANDARD = List.of("name", "email", "phone", "status", "marketing_consent");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Map<String, ImportField> KNOWN = new HashMap<>();

    static {
        known(ImportField.NAME, "name", "full name", "fullname", "customer", "customer name", "client", "client name",
                "contact", "contact name", "jméno a příjmení", "celé jméno", "zákazník", "klient", "jméno klienta",
                "име и фамилия", "клиент", "пълно име");
        known(ImportField.FIRST_NAME, "first name", "firstname", "given name", "forename", "křestní jméno",
                "собствено име", "първо име");
        known(ImportField.LAST_NAME, "last name", "lastname", "surname", "family name", "příjmení", "фамилия",
                "презиме");
        known(ImportField.COMPANY_NAME, "company", "company name", "organization", "organisation", "business",
                "firma", "společnost", "název firmy", "organizace", "фирма", "компания");
        known(ImportField.EMAIL, "email", "e-mail", "email address", "e-mail address", "mail", "e-mailová adresa",
                "emailová adresa", "имейл", "е-мейл", "електронна поща", "е-поща");
        known(ImportField.PHONE, "phone", "phone number", "telephone", "tel", "tel.", "mobile", "mobile phone",
                "cell", "telefon", "telefonní číslo", "mobil", "mobilní telefon", "číslo", "телефон", "мобилен",
                "мобилен телефон", "gsm");
        known(ImportField.STATUS, "status", "client status", "customer status", "stav", "status klienta", "статус");
        known(ImportField.MARKETING_CONSENT, "marketing consent", "marketing_consent", "consent", "newsletter",
                "subscribed", "marketing", "accepts marketing", "marketingový souhlas", "souhlas",
                "souhlas s marketingem", "souhlas se zasíláním", "souhlas se zasíláním newsletteru",
                "souhlas se zasíláním obchodních sdělení", "souhlas se zasíláním marketingových sdělení",
                "souhlas se zpracováním", "съгласие", "маркетингово съгласие", "бюлетин");
        known(ImportField.BIRTH_DATE, "birth date", "birthdate", "date of birth", "birthday", "datum narození",
                "narozeniny", "дата на раждане", "рожден ден");
        known(ImportField.GENDER, "gender", "sex", "pohlaví", "пол");
        known(ImportField.STREET, "street", "address", "street address", "ulice", "adresa", "ulice a číslo",
                "улица", "адрес");
        known(ImportField.CITY, "city", "town", "město", "obec", "град");
        known(ImportField.POSTAL_CODE, "postal code", "postcode", "zip", "zip code", "psč", "пощенски код");
        known(ImportField.COUNTRY, "country", "země", "stát", "държава");
        known(ImportField.VAT_ID, "vat", "vat id", "vat number", "tax id", "dič", "ič dph", "ддс номер", "ддс");
        known(ImportField.PREFERRED_LANGUAGE, "language", "preferred language", "jazyk", "език");
        known(ImportField.PREFERRED_CURRENCY, "currency", "preferred currency", "měna", "валута");
        known(ImportField.DISCOUNT_PERCENT, "discount", "discount percent", "discount %", "sleva", "sleva %",
                "отстъпка");
        known(ImportField.CUSTOMER_TYPE, "customer type", "typ zákazníka", "тип клиент");
        known(ImportField.STAGE, "stage", "sales stage", "fáze", "етап");
        known(ImportField.TEMPERATURE, "temperature", "lead temperature", "teplota", "температура");
    }

    private HeaderNames() {
    }

    private static void known(ImportField field, String... headers) {
        for (String header : headers) {
            KNOWN.put(fold(header), field);
        }
    }

    /** "E-mailová adresa" and "emailova adresa" fold alike: "emailovaadresa". */
    static String fold(String header) {
        String decomposed = Normalizer.normalize(header == null ? "" : header.strip(), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_ALPHANUMERIC.matcher(plain).replaceAll("");
    }

    /**
     * The field a header names, if Clientele knows it. "Jméno" (and "име", "first"...) is a first name
     * when the file also has a last-name column, otherwise a whole name.
     */
    static Optional<ImportField> recognise(String header, boolean fileHasLastName) {
        String folded = fold(header);
        ImportField known = KNOWN.get(folded);
        if (known != null) {
            return Optional.of(known);
        }
        if (folded.equals("jmeno") || folded.equals("име") || folded.equals("first")) {
            return Optional.of(fileHasLastName ? ImportField.FIRST_NAME : ImportField.NAME);
        }
        // Consent columns are often whole sentences: "Souhlas se zasíláním obchodních sdělení e-mailem".
        if (folded.startsWith("souhlassezasilanim") || folded.startsWith("marketingconsent")
                || folded.startsWith("съгласиезамаркетинг")) {
            return Optional.of(ImportField.MARKETING_CONSENT);
        }
        return Optional.empty();
    }

    static boolean namesLastName(String header) {
        return KNOWN.get(fold(header)) == ImportField.LAST_NAME;
    }
}
