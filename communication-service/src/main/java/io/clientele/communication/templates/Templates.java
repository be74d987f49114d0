package io.clientele.communication.templates;

import com.samskivert.mustache.Template;
import io.clientele.communication.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Finds the template for a message (key and channel, in the best language there is) and renders it.
 * Compiled templates are kept by id and version, so a busy template compiles once.
 */
@Service
public class Templates {

    private static final int COMPILED_KEPT = 2_000;

    private final MongoTemplate mongo;
    private final BuiltInTemplates builtIn;
    private final Map<String, Compiled> compiled = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > COMPILED_KEPT;
        }
    });

    Templates(MongoTemplate mongo, BuiltInTemplates builtIn) {
        this.mongo = mongo;
        this.builtIn = builtIn;
    }

    public record TemplateRef(UUID workspaceId, String key, Channel channel) {
    }

    /**
     * Every language of each key and channel, by ref: the workspace's own templates, or where it has none
     * for a key and channel, the built-in ones ({@link BuiltInTemplates}).
     */
    public Map<TemplateRef, List<TemplateChoice>> candidates(Collection<TemplateRef> refs) {
        Map<TemplateRef, List<TemplateChoice>> found = new LinkedHashMap<>();
        if (refs.isEmpty()) {
            return found;
        }
        Query query = new Query(Criteria.where("workspaceId").in(refs.stream().map(r -> r.workspaceId().toString()).distinct().toList())
                .and("key").in(refs.stream().map(TemplateRef::key).distinct().toList()));
        for (TemplateDocument document : mongo.find(query, TemplateDocument.class)) {
            TemplateRef ref = new TemplateRef(UUID.fromString(document.workspaceId()), document.key(),
                    Channel.valueOf(document.channel()));
            if (refs.contains(ref)) {
                found.computeIfAbsent(ref, r -> new ArrayList<>()).add(choice(document));
            }
        }
        for (TemplateRef ref : refs) {
            List<TemplateChoice> shipped = builtIn.of(ref.key(), ref.channel());
            if (!found.containsKey(ref) && !shipped.isEmpty()) {
                found.put(ref, shipped);
            }
        }
        return found;
    }

    /** Whether a message can name this key: the workspace has such a template, or a built-in one exists. */
    public boolean exists(UUID workspaceId, String key, Channel channel) {
        return !builtIn.of(key, channel).isEmpty() || mongo.exists(new Query(Criteria.where("workspaceId").is(workspaceId.toString()).and("key").is(key)
                .and("channel").is(channel.name())), TemplateDocument.class);
    }

    /**
     * The template in the first of the languages that has one; a regional tag also finds its language
     * ({@code cs-CZ} finds {@code cs}).
     */
    public static Optional<TemplateChoice> pick(List<TemplateChoice> candidates, List<String> languages) {
        for (String language : languages) {
            if (language == null) {
                continue;
            }
            for (String tag : List.of(language, language.split("-")[0])) {
                for (TemplateChoice candidate : candidates) {
                    if (candidate.language().equalsIgnoreCase(tag)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    public RenderedContent render(TemplateChoice template, Map<String, Object> model) throws TemplateProblem {
        Compiled parts = compiled.get(template.id() + ":" + template.version());
        if (parts == null) {
            parts = Compiled.of(template.channel(), template.subject(), template.text(), template.html());
            compiled.put(template.id() + ":" + template.version(), parts);
        }
        return parts.render(model);
    }

    public RenderedContent render(Channel channel, InlineContent content, Map<String, Object> model) throws TemplateProblem {
        return Compiled.of(channel, content.subject(), content.text(), content.html()).render(model);
    }

    /** Whether inline content renders with sample values (any custom.* accepted). */
    public static void validate(Channel channel, InlineContent content, java.time.ZoneId zone, java.util.Locale locale,
            java.time.Instant now) throws TemplateProblem {
        check(channel, content.subject(), content.text(), content.html(), TemplateModel.sample(zone, locale, now));
    }

    /** Compiles and renders every part with sample values; the first failure is thrown. */
    static RenderedContent check(Channel channel, String subject, String text, String html, Map<String, Object> sample)
            throws TemplateProblem {
        return Compiled.of(channel, subject, text, html).render(sample);
    }

    static TemplateChoice choice(TemplateDocument document) {
        return new TemplateChoice(UUID.fromString(document.id()), document.key(), Channel.valueOf(document.channel()),
                document.language(), document.name(), document.version(), document.subject(), document.text(),
                document.html());
    }

    private record Compiled(Template subject, Template text, Template html) {

        static Compiled of(Channel channel, String subject, String text, String html) throws TemplateProblem {
            return new Compiled(subject == null || channel == Channel.SMS ? null : TemplateEngine.compile("subject", subject, false),
                    TemplateEngine.compile("text", text == null ? "" : text, false),
                    html == null || channel == Channel.SMS ? null : TemplateEngine.compile("html", html, true));
        }

        RenderedContent render(Map<String, Object> model) throws TemplateProblem {
            return new RenderedContent(
                    subject == null ? null : oneLine(TemplateEngine.render("subject", subject, model)),
                    TemplateEngine.render("text", text, model),
                    html == null ? null : TemplateEngine.render("html", html, model));
        }

        /** A subject is one line: a value with a line break must not add mail headers. */
        private static String oneLine(String subject) {
            return subject.replaceAll("[\\r\\n]+", " ").strip();
        }
    }
}
