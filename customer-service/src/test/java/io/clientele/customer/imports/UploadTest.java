package io.clientele.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadTest {

    @TempDir
    Path spool;

    @Test
    void utf8IsToldFromWindows1250ByItsBytes() {
        String czech = "Jméno;Příjmení\nKateřina;Horáková\n";

        Upload utf8 = spool(czech.getBytes(StandardCharsets.UTF_8));
        Upload windows = spool(czech.getBytes(Charset.forName("windows-1250")));

        assertThat(utf8.validUtf8()).isTrue();
        assertThat(windows.validUtf8()).isFalse();
        assertThat(CsvSource.charset(utf8, null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvSource.charset(windows, "AUTO").name()).isEqualTo("windows-1250");
    }

    @Test
    void aCharacterSplitAcrossReadsIsStillValidUtf8() {
        StringBuilder text = new StringBuilder("a".repeat(64 * 1024 - 1));
        text.append("ř".repeat(10_000));

        assertThat(spool(text.toString().getBytes(StandardCharsets.UTF_8)).validUtf8()).isTrue();
    }

    @Test
    void byteOrderMarksAreNotedAndSkipped() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'n', 'a', 'm', 'e'};

        Upload upload = spool(bom);

        assertThat(upload.bom()).isEqualTo(Upload.Bom.UTF_8);
        try (var in = upload.open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("name");
        }
        assertThat(spool(new byte[] {(byte) 0xFF, (byte) 0xFE, 'n', 0}).bom()).isEqualTo(Upload.Bom.UTF_16LE);
    }

    @Test
    void aFileOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        assertThatThrownBy(() -> Upload.spool(new ByteArrayInputStream(new byte[2_000]), spool, 1_000))
                .isInstanceOf(Upload.TooLarge.class);
        try (var files = Files.list(spool)) {
            assertThat(files).isEmpty();
        }
    }

    private Upload spool(byte[] content) {
        return Upload.spool(new ByteArrayInputStream(content), spool, 10_000_000);
    }
}
