package io.clientele.communication.templates;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mustache (jmustache): logic-less, so a template staff write can show values and optional sections but
 * never run code, and every failure has a line number. Text parts (subjects, plain text, SMS) are not
 * escaped; HTML bodies escape every value. A placeholder that names nothing is an error (never a silent
 * blank), a known value that is absent renders empty, and partials are refused.
 */
final class TemplateEngine {

    private static final Pattern LINE = Pattern.compile("\\s*@ ?line (\\d+)");
    private static final Mustache.TemplateLoader NO_PARTIALS = name -> {
        throw new MustacheException("partials ({{> " + name + "}}) are not supported");
    };
    private static final Mustache.Compiler TEXT = Mustache.compiler().escapeHTML(false).nullValue("")
            .withLoader(NO_PARTIALS);
    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true).nullValue("")
            .withLoader(NO_PARTIALS);

    private TemplateEngine() {
    }

    static Template compile(String part, String source, boolean html) throws TemplateProblem {
        try {
            return (html ? HTML : TEXT).compile(source);
        } catch (MustacheException failure) {
            throw problem(part, failure);
        }
    }

    static String render(String part, Template template, Object model) throws TemplateProblem {
        try {
            return template.execute(model);
        } catch (MustacheException failure) {
            throw problem(part, failure);
        } catch (RuntimeException unexpected) {
            throw new TemplateProblem(part, 0, String.valueOf(unexpected.getMessage()));
        }
    }

    private static TemplateProblem problem(String part, MustacheException failure) {
        if (failure instanceof MustacheException.Context context) {
            return new TemplateProblem(part, context.lineNo, "no value for {{" + context.key + "}}");
        }
        String message = String.valueOf(failure.getMessage());
        int line = 0;
        Matcher matcher = LINE.matcher(message);
        if (matcher.find()) {
            line = Integer.parseInt(matcher.group(1));
        }
        if (failure instanceof MustacheParseException) {
            return new TemplateProblem(part, line, matcher.replaceAll(""));
        }
        Throwable cause = failure.getCause();
        return new TemplateProblem(part, line, cause instanceof MustacheException nested ? nested.getMessage() : message);
    }
}
