package io.clientele.communication.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.communication.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** M-4: what placeholders show, how failures are reported, and which language is chosen. */
class TemplatesTest {

    final Templates templates = new Templates(null, null);
    final ZoneId prague = ZoneId.of("Europe/Prague");

    Map<String, Object> model(TemplateModel.Reservation reservation, Locale locale) {
        return TemplateModel.of(new TemplateModel.Customer("Jana", "Nováková", null), reservation, "https://x.test/q/1",
                "https://x.test/u/1", Map.of("voucher", "LILIE10"), "Salon Lilie", prague, locale);
    }

    @Test
    void reservationTimesAreShownInTheRecipientsZoneAndLanguage() throws TemplateProblem {
        var reservation = new TemplateModel.Reservation(Instant.parse("2026-11-29T13:00:00Z"), null, "Střih", "Eva", null);

        RenderedContent czech = templates.render(Channel.SMS, new InlineContent(null,
                "{{customer.firstName}}, {{reservation.weekday}} {{reservation.start}}: {{reservation.service}}", null),
                model(reservation, Locale.forLanguageTag("cs")));
        RenderedContent english = templates.render(Channel.SMS, new InlineContent(null, "{{reservation.start}}", null),
                model(reservation, Locale.ENGLISH));

        assertThat(czech.text()).isEqualTo("Jana, neděle 29. listopadu 2026 14:00: Střih");
        assertThat(english.text()).isEqualTo("November 29, 2026 2:00\u202fPM");
    }

    @Test
    void htmlBodiesEscapeValuesTextPartsDoNot() throws TemplateProblem {
        Map<String, Object> model = TemplateModel.of(new TemplateModel.Customer("<b>Jana</b>", "O'Neil & Co", null), null,
                null, "https://x.test/u/1", Map.of(), "Shop", prague, Locale.ENGLISH);

        RenderedContent rendered = templates.render(Channel.EMAIL, new InlineContent("Hi {{customer.firstName}}",
                "Hi {{customer.name}}", "<p>Hi {{customer.name}}</p>"), model);

        assertThat(rendered.subject()).isEqualTo("Hi <b>Jana</b>");
        assertThat(rendered.text()).isEqualTo("Hi <b>Jana</b> O'Neil & Co");
        assertThat(rendered.html()).isEqualTo("<p>Hi &lt;b&gt;Jana&lt;/b&gt; O&#39;Neil &amp; Co</p>");
    }

    @Test
    void aSubjectStaysOneLine() throws TemplateProblem {
        Map<String, Object> model = TemplateModel.of(new TemplateModel.Customer("Jana\r\nBcc: all@example.com", null, null),
                null, null, null, Map.of(), "Shop", prague, Locale.ENGLISH);

        RenderedContent rendered = templates.render(Channel.EMAIL, new InlineContent("Hi {{customer.firstName}}", "x", null), model);

        assertThat(rendered.subject()).isEqualTo("Hi Jana Bcc: all@example.com").doesNotContain("\n");
    }

    @Test
    void aPlaceholderThatNamesNothingFailsWithItsLine() {
        assertThatThrownBy(() -> templates.render(Channel.SMS, new InlineContent(null, "Hello\n{{customer.nickname}}", null),
                model(null, Locale.ENGLISH)))
                .isInstanceOfSatisfying(TemplateProblem.class, problem -> {
                    assertThat(problem.part()).isEqualTo("text");
                    assertThat(problem.line()).isEqualTo(2);
                    assertThat(problem.getMessage()).isEqualTo("no value for {{customer.nickname}}");
                });
    }

    @Test
    void aReservationPlaceholderWithoutAReservationFailsButAnOptionalSectionDoesNot() throws TemplateProblem {
        assertThatThrownBy(() -> templates.render(Channel.SMS, new InlineContent(null, "At {{reservation.start}}", null),
                model(null, Locale.ENGLISH))).isInstanceOf(TemplateProblem.class).hasMessageContaining("reservation");

        RenderedContent optional = templates.render(Channel.SMS, new InlineContent(null,
                "Hello{{#reservation}}, see you {{reservation.start}}{{/reservation}}.", null), model(null, Locale.ENGLISH));
        assertThat(optional.text()).isEqualTo("Hello.");
    }

    @Test
    void aBrokenTemplateIsReportedWithTheEnginesMessageAndLine() {
        assertThatThrownBy(() -> Templates.check(Channel.EMAIL, "Hi", "line one\n{{#reservation}}never closed", null,
                TemplateModel.sample(prague, Locale.ENGLISH, Instant.now())))
                .isInstanceOfSatisfying(TemplateProblem.class, problem -> {
                    assertThat(problem.part()).isEqualTo("text");
                    assertThat(problem.line()).isEqualTo(2);
                    assertThat(problem.describe()).startsWith("text, line 2: ");
                });
    }

    @Test
    void partialsAreRefused() {
        assertThatThrownBy(() -> Templates.check(Channel.SMS, null, "{{> secrets}}", null,
                TemplateModel.sample(prague, Locale.ENGLISH, Instant.now())))
                .isInstanceOf(TemplateProblem.class).hasMessageContaining("partials");
    }

    @Test
    void theSampleAcceptsEveryPlaceholderIncludingAnyCustomOne() throws TemplateProblem {
        RenderedContent sample = Templates.check(Channel.EMAIL, "{{customer.name}} {{sender.name}}",
                "{{reservation.start}} {{reservation.date}} {{reservation.time}} {{reservation.end}} {{reservation.service}} "
                        + "{{reservation.staff}} {{reservation.location}} {{orderLink}} {{unsubscribeLink}} {{custom.anything}}",
                null, TemplateModel.sample(prague, Locale.ENGLISH, Instant.parse("2026-11-27T10:00:00Z")));

        assertThat(sample.subject()).isEqualTo("Jana Nováková Your business");
        assertThat(sample.text()).contains("November 28, 2026").contains("Haircut").contains("[anything]");
    }

    @Test
    void theLanguageIsTheFirstWithATemplateARegionalTagFindsItsLanguage() {
        List<TemplateChoice> candidates = List.of(choice("en"), choice("cs"));

        assertThat(Templates.pick(candidates, java.util.Arrays.asList(null, "cs-CZ", "en")).map(TemplateChoice::language))
                .contains("cs");
        assertThat(Templates.pick(candidates, List.of("bg", "en")).map(TemplateChoice::language)).contains("en");
        assertThat(Templates.pick(candidates, List.of("bg", "de"))).isEmpty();
    }

    @Test
    void smsLengthCountsPartsForGsmAndForUnicodeTexts() {
        assertThat(SmsLength.of("a".repeat(160))).isEqualTo(new SmsLength(160, "GSM-7", 1));
        assertThat(SmsLength.of("a".repeat(161))).isEqualTo(new SmsLength(161, "GSM-7", 2));
        assertThat(SmsLength.of("ř".repeat(70))).isEqualTo(new SmsLength(70, "UCS-2", 1));
        assertThat(SmsLength.of("ř".repeat(71))).isEqualTo(new SmsLength(71, "UCS-2", 2));
        assertThat(SmsLength.of("€".repeat(81)).parts()).as("an extension character counts twice").isEqualTo(2);
    }

    private static TemplateChoice choice(String language) {
        return new TemplateChoice(UUID.randomUUID(), "welcome", Channel.EMAIL, language, "Welcome", 1, "s", "t", null);
    }
}
