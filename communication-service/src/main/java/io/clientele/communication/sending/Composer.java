package io.clientele.communication.sending;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.contacts.Contact;
import io.clientele.communication.messages.Message;
import io.clientele.communication.preferences.CustomerPreferences;
import io.clientele.communication.settings.WorkspaceSettings;
import io.clientele.communication.templates.RenderedContent;
import io.clientele.communication.templates.TemplateChoice;
import io.clientele.communication.templates.TemplateModel;
import io.clientele.communication.templates.TemplateProblem;
import io.clientele.communication.templates.Templates;
import io.clientele.communication.unsubscribe.UnsubscribeLinks;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Makes a message's exact content: the template in the recipient's language (or the inline content)
 * rendered with the customer, the request's values and the personal unsubscribe link, and the headers.
 * Every marketing e-mail carries the link (added as a footer when its template does not show it) and
 * RFC 8058 List-Unsubscribe / List-Unsubscribe-Post headers.
 */
@Component
class Composer {

    private final Templates templates;
    private final UnsubscribeLinks links;

    Composer(Templates templates, UnsubscribeLinks links) {
        this.templates = templates;
        this.links = links;
    }

    /** The content, or why there is none (failureCode template-missing or template-error). */
    record Composition(Message.Content content, String language, String failureCode, String failure) {
    }

    Composition compose(Message message, Contact contact, CustomerPreferences preferences, WorkspaceSettings settings,
            RecipientTimeZones.Zone zone, List<TemplateChoice> candidates) {
        List<String> languages = Arrays.asList(message.languageOverride(),
                preferences == null ? null : preferences.language(), contact.preferredLanguage(),
                settings.defaultLanguage());
        TemplateChoice template = null;
        String language;
        if (message.templateKey() != null) {
            template = Templates.pick(candidates == null ? List.of() : candidates, languages).orElse(null);
            if (template == null) {
                return new Composition(null, null, "template-missing", "No " + message.channel() + " template '"
                        + message.templateKey() + "' in " + String.join(", ", languages.stream()
                                .filter(Objects::nonNull).distinct().toList()));
            }
            language = template.language();
        } else {
            language = languages.stream().filter(Objects::nonNull).findFirst().orElse("en");
        }
        String unsubscribe = links.linkFor(message.customer(), message.id());
        var variables = message.variables();
        Map<String, Object> model = TemplateModel.of(
                new TemplateModel.Customer(contact.firstName(), contact.lastName(), contact.companyName()),
                variables.reservation(), variables.orderLink(), unsubscribe, variables.custom(),
                settings.sender().emailName(), zone.zone(), Locale.forLanguageTag(language));
        RenderedContent rendered;
        try {
            rendered = template != null ? templates.render(template, model)
                    : templates.render(message.channel(), message.inline(), model);
        } catch (TemplateProblem problem) {
            return new Composition(null, language, "template-error", "The template does not render: " + problem.describe());
        }
        if (message.channel() == Channel.SMS) {
            if (rendered.text().isBlank()) {
                return new Composition(null, language, "template-error", "The template renders an empty text");
            }
            return new Composition(new Message.Content(contact.phone(), settings.sender().smsSender(), null, null,
                    rendered.text(), null, Map.of(), language, template == null ? null : template.id(),
                    template == null ? null : template.version()), language, null, null);
        }
        if (rendered.subject() == null || rendered.subject().isBlank()) {
            return new Composition(null, language, "template-error", "The e-mail has no subject");
        }
        boolean marketing = message.category() == Category.MARKETING;
        String text = rendered.text();
        String html = rendered.html();
        if (marketing && !text.contains(unsubscribe)) {
            text = text + "\n\n--\nUnsubscribe: " + unsubscribe + "\n";
        }
        if (marketing && html != null && !html.contains(HtmlUtils.htmlEscape(unsubscribe)) && !html.contains(unsubscribe)) {
            String footer = "<p style=\"font-size:small\"><a href=\"" + HtmlUtils.htmlEscape(unsubscribe)
                    + "\">Unsubscribe</a></p>";
            int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
            html = end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", "<" + message.id() + "@communication.clientele>");
        headers.put("X-Clientele-Message-Id", message.id().toString());
        headers.put("X-Clientele-Category", message.category().name());
        headers.put("Auto-Submitted", "auto-generated");
        if (marketing) {
            headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return new Composition(new Message.Content(contact.email(), from(settings.sender()), settings.sender().replyTo(),
                rendered.subject(), text, html, headers, language, template == null ? null : template.id(),
                template == null ? null : template.version()), language, null, null);
    }

    private static String from(WorkspaceSettings.Sender sender) {
        try {
            return new InternetAddress(sender.emailAddress(), sender.emailName(), "UTF-8").toUnicodeString();
        } catch (UnsupportedEncodingException impossible) {
            return sender.emailAddress();
        }
    }
}
