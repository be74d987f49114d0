package io.clientele.communication.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.communication.CustomerRef;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

/** M-7: the personal link names its customer and message, and nothing else verifies. */
class UnsubscribeLinksTest {

    static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!!";
    final UnsubscribeLinks links = links(SECRET, List.of());
    final CustomerRef jana = new CustomerRef(UUID.randomUUID(), UUID.randomUUID());
    final UUID message = UUID.randomUUID();

    static UnsubscribeLinks links(String secret, List<String> previous) {
        return new UnsubscribeLinks(new UnsubscribeProperties(secret, previous, URI.create("https://mail.example.com/")));
    }

    @Test
    void aLinkNamesItsCustomerAndMessage() {
        String link = links.linkFor(jana, message);

        assertThat(link).startsWith("https://mail.example.com/u/u1.");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(links.verify(token)).contains(new UnsubscribeLinks.Subject(jana, message));
    }

    @Test
    void anyChangedCharacterMakesItInvalid() {
        String token = links.tokenFor(jana, message);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                continue;
            }
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThat(links.verify(changed)).as("changed at %d", i).isEmpty();
        }
    }

    @Test
    void aLinkSignedWithAnotherSecretIsForeign() {
        String foreign = links("another-secret-of-at-least-32-bytes!!!", List.of()).tokenFor(jana, message);

        assertThat(links.verify(foreign)).isEmpty();
    }

    @Test
    void garbageIsRefusedNotThrown() {
        for (String garbage : new String[] {"", "x", "u1..", "u1.!!!.???", "u2.AAAA.BBBB", "u1." + "A".repeat(300)}) {
            assertThat(links.verify(garbage)).as(garbage).isEmpty();
        }
        assertThat(links.verify(null)).isEmpty();
    }

    @Test
    void linksSentBeforeARotationStillWork() {
        String old = links(SECRET, List.of()).tokenFor(jana, message);
        UnsubscribeLinks rotated = links("the-new-secret-of-at-least-32-bytes!!!", List.of(SECRET));

        assertThat(rotated.verify(old)).contains(new UnsubscribeLinks.Subject(jana, message));
        assertThat(rotated.tokenFor(jana, message)).isNotEqualTo(old);
    }

    @Test
    void aShortOrMissingSecretStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> links("too-short", List.of())).isInstanceOf(BeanCreationException.class)
                .hasMessageContaining("CLIENTELE_COMMUNICATION_UNSUBSCRIBE_SECRET");
        assertThatThrownBy(() -> links(null, List.of())).isInstanceOf(BeanCreationException.class);
    }
}
