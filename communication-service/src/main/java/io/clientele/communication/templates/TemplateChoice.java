package io.clientele.communication.templates;

import io.clientele.communication.Channel;
import java.util.UUID;

/** A stored template a message can be made from. */
public record TemplateChoice(UUID id, String key, Channel channel, String language, String name, long version,
        String subject, String text, String html) {
}
