package io.clientele.communication.templates;

import java.util.Map;

/** What a request gives the placeholders besides the customer: the reservation, the order link, custom values. */
public record TemplateVariables(TemplateModel.Reservation reservation, String orderLink, Map<String, String> custom) {

    public static final TemplateVariables NONE = new TemplateVariables(null, null, Map.of());

    public TemplateVariables {
        custom = custom == null ? Map.of() : Map.copyOf(custom);
    }
}
