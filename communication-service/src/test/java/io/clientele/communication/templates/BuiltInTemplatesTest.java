package io.clientele.communication.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.communication.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The shipped catalog: complete for every sender that relies on it, and refused when a text is broken. */
class BuiltInTemplatesTest {

    static final List<String> LANGUAGES = List.of("bg", "cs", "en", "sk");

    final BuiltInTemplates catalog = new BuiltInTemplates(JsonMapper.builder().build());

    @Test
    void everyKeyTheReadyMadeScenariosAndOrderConfirmationsUseExistsInEveryLanguage() {
        // scenario-service's ready-made scenarios send these by SMS or e-mail; order-link-service confirms by e-mail.
        for (String key : List.of("reservation-reminder", "thank-you", "welcome", "we-miss-you", "birthday-greeting")) {
            for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
                assertThat(catalog.of(key, channel)).as(key + " " + channel).extracting(TemplateChoice::language)
                        .containsExactlyInAnyOrderElementsOf(LANGUAGES);
            }
        }
        assertThat(catalog.of("order-confirmation", Channel.EMAIL)).extracting(TemplateChoice::language)
                .containsExactlyInAnyOrderElementsOf(LANGUAGES);
        assertThat(catalog.of("order-confirmation", Channel.SMS)).isEmpty();
    }

    @Test
    void builtInTemplatesHaveStableIdsApartFromEachOther() {
        BuiltInTemplates again = new BuiltInTemplates(JsonMapper.builder().build());

        assertThat(again.all()).extracting(TemplateChoice::id)
                .containsExactlyElementsOf(catalog.all().stream().map(TemplateChoice::id).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void aTextThatDoesNotRenderStopsTheCatalog() {
        assertThatThrownBy(() -> new BuiltInTemplates(List.of(new BuiltInTemplates.Definition("welcome", Channel.SMS,
                "cs", "Vítejte", null, "{{#customer}}unclosed", null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("welcome/SMS/cs");
        assertThatThrownBy(() -> new BuiltInTemplates(List.of(new BuiltInTemplates.Definition("welcome", Channel.EMAIL,
                "cs", "Vítejte", " ", "Dobrý den", null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no subject");
    }
}
