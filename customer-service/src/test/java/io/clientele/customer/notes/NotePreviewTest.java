package io.clientele.customer.notes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotePreviewTest {

    @Test
    void aPreviewIsOneLineAndAtMost160Characters() {
        assertThat(NoteService.preview(" call\n back\t tomorrow ")).isEqualTo("call back tomorrow");
        String preview = NoteService.preview("x".repeat(500));
        assertThat(preview).hasSize(160).endsWith("…");
    }
}
