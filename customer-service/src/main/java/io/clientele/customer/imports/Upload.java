package io.clientele.customer.imports;

import io.clientele.platform.problem.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded file copied to the service's spool directory as it arrives, never held in memory. While
 * copying it notes what the encoding detection needs: a byte-order mark, and whether every byte
 * sequence is valid UTF-8 (a Windows-1250 export almost never is).
 *
 * @param bom the byte-order mark the file starts with, or null
 */
record Upload(Path path, long bytes, Bom bom, boolean validUtf8) {

    /** Byte-order marks, and the encoding each one announces. */
    enum Bom {
        UTF_8(3, "UTF-8"), UTF_16LE(2, "UTF-16LE"), UTF_16BE(2, "UTF-16BE");

        final int length;
        final String charset;

        Bom(int length, String charset) {
            this.length = length;
            this.charset = charset;
        }
    }

    /** The upload was larger than the service accepts. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("The file is larger than " + (limit / (1024 * 1024)) + " MB, the most an import takes");
        }
    }

    static Upload spool(InputStream in, Path directory, long maxBytes) {
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, "import-", ".upload");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                ByteBuffer pending = ByteBuffer.allocate(buffer.length + 8);
                CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
                boolean valid = true;
                byte[] head = new byte[3];
                int headLength = 0;
                long total = 0;
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (read == 0) {
                        continue;
                    }
                    total += read;
                    if (total > maxBytes) {
                        out.close();
                        Files.deleteIfExists(file);
                        throw new TooLarge(maxBytes);
                    }
                    for (int i = 0; i < read && headLength < head.length; i++) {
                        head[headLength++] = buffer[i];
                    }
                    out.write(buffer, 0, read);
                    if (valid) {
                        pending.put(buffer, 0, read).flip();
                        CoderResult result = utf8.decode(pending, chars, false);
                        chars.clear();
                        valid = !result.isError();
                        pending.compact();
                    }
                }
                if (valid) {
                    pending.flip();
                    valid = !utf8.decode(pending, chars, true).isError() && !pending.hasRemaining();
                }
                return new Upload(file, total, bom(head, headLength), valid);
            } catch (IOException | RuntimeException failed) {
                Files.deleteIfExists(file);
                throw failed;
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("The upload could not be stored", failed);
        }
    }

    private static Bom bom(byte[] head, int length) {
        if (length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            return Bom.UTF_8;
        }
        if (length >= 2 && head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) {
            return Bom.UTF_16LE;
        }
        if (length >= 2 && head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) {
            return Bom.UTF_16BE;
        }
        return null;
    }

    /** Opens the file past its byte-order mark. */
    InputStream open() throws IOException {
        InputStream in = Files.newInputStream(path);
        if (bom != null) {
            in.skipNBytes(bom.length);
        }
        return in;
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the spool directory is cleaned of old files at start-up too
        }
    }

    static void requireNotEmpty(Upload upload) {
        if (upload.bytes() - (upload.bom() == null ? 0 : upload.bom().length) <= 0) {
            upload.delete();
            throw InvalidInputException.of("file", "NotEmpty", "the file is empty");
        }
    }
}
