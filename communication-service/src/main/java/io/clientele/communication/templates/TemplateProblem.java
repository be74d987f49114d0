package io.clientele.communication.templates;

/**
 * A template that does not compile or does not render: which part (subject, text, html), the line, and
 * the engine's message.
 */
public final class TemplateProblem extends Exception {

    private final String part;
    private final int line;

    TemplateProblem(String part, int line, String message) {
        super(message, null, false, false);
        this.part = part;
        this.line = line;
    }

    public String part() {
        return part;
    }

    /** 1-based; 0 when unknown. */
    public int line() {
        return line;
    }

    /**
     * As a 400 problem (type template-error) naming the part as the field, with the engine's message and
     * line; {@code prefix} puts the part under a request field, e.g. content.text.
     */
    public io.clientele.platform.problem.InvalidInputException asInvalidInput(String prefix) {
        var invalid = io.clientele.platform.problem.InvalidInputException.of(prefix + part, "template",
                (line > 0 ? "line " + line + ": " : "") + getMessage());
        invalid.getBody().setType(io.clientele.platform.problem.Problems.type("template-error"));
        invalid.getBody().setTitle("The template does not render");
        invalid.getBody().setDetail(describe());
        return invalid;
    }

    /** For people: "text, line 3: ..." */
    public String describe() {
        return part + (line > 0 ? ", line " + line : "") + ": " + getMessage();
    }
}
