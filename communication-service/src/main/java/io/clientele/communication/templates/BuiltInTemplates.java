package io.clientele.communication.templates;

import io.clientele.communication.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts Clientele ships for what it sends by itself: the ready-made scenarios' messages
 * (reservation-reminder, thank-you, welcome, we-miss-you, birthday-greeting) and order confirmations
 * (order-confirmation), by SMS and e-mail, in Czech, Slovak, English and Bulgarian. A workspace that
 * switches a ready-made scenario on gets sensible messages at once instead of "template missing".
 * <p>
 * The rule: a workspace's own templates for a key and channel replace the built-in ones for that key and
 * channel entirely (in every language), so staff who wrote their own text never see a built-in one mixed
 * in for a customer whose language they did not write. Every built-in text is rendered with sample values
 * when the service starts: a broken one stops the start, as a broken staff template is refused on save.
 */
@Component
public class BuiltInTemplates {

    static final String RESOURCE = "templates/built-in.json";
    /** Built-in templates are not stored; each has a fixed id derived from what it is, and version 0. */
    static final long VERSION = 0;

    private final Map<Ref, List<TemplateChoice>> byRef;

    @Autowired
    BuiltInTemplates(JsonMapper json) {
        this(read(json));
    }

    BuiltInTemplates(List<Definition> definitions) {
        Map<Ref, List<TemplateChoice>> grouped = definitions.stream().map(BuiltInTemplates::choice)
                .collect(Collectors.groupingBy(choice -> new Ref(choice.key(), choice.channel())));
        grouped.values().forEach(BuiltInTemplates::checkRenders);
        this.byRef = Map.copyOf(grouped);
    }

    /** One entry of {@value #RESOURCE}. */
    record Definition(String key, Channel channel, String language, String name, String subject, String text,
            String html) {
    }

    private record Ref(String key, Channel channel) {
    }

    /** Every language of the built-in template for this key and channel; empty when there is none. */
    public List<TemplateChoice> of(String key, Channel channel) {
        return byRef.getOrDefault(new Ref(key, channel), List.of());
    }

    /** All of them, by key, channel and language: what staff can copy and adapt. */
    List<TemplateChoice> all() {
        return byRef.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(TemplateChoice::key).thenComparing(TemplateChoice::channel)
                        .thenComparing(TemplateChoice::language))
                .toList();
    }

    private static TemplateChoice choice(Definition d) {
        UUID id = UUID.nameUUIDFromBytes(("built-in:" + d.key() + ":" + d.channel() + ":" + d.language())
                .getBytes(StandardCharsets.UTF_8));
        return new TemplateChoice(id, d.key(), d.channel(), d.language(), d.name(), VERSION, d.subject(), d.text(),
                d.html());
    }

    private static void checkRenders(List<TemplateChoice> choices) {
        for (TemplateChoice choice : choices) {
            try {
                RenderedContent rendered = Templates.check(choice.channel(), choice.subject(), choice.text(),
                        choice.html(), TemplateModel.sample(ZoneOffset.UTC, Locale.forLanguageTag(choice.language()),
                                Instant.EPOCH));
                if (choice.channel() == Channel.EMAIL && (rendered.subject() == null || rendered.subject().isBlank())) {
                    throw new IllegalStateException("has no subject");
                }
            } catch (TemplateProblem | RuntimeException broken) {
                throw new IllegalStateException("Built-in template " + choice.key() + "/" + choice.channel() + "/"
                        + choice.language() + " in " + RESOURCE + " does not render: "
                        + (broken instanceof TemplateProblem problem ? problem.describe() : broken.getMessage()), broken);
            }
        }
    }

    private static List<Definition> read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return List.of(json.readValue(in, Definition[].class));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, unreadable);
        }
    }
}
